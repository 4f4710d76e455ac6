package ai.agentlens.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void sameComparesWholeValuesAndNeverMatchesNull() {
    String token = Secrets.token();
    assertThat(Secrets.same(token, new String(token.toCharArray()))).isTrue();
    assertThat(Secrets.same(token, token.substring(0, 42))).isFalse();
    assertThat(Secrets.same(token, token + "x")).isFalse();
    // why: a token starting with 'x' made "x" + rest the same token (1 run in 64 failed)
    char other = token.charAt(0) == 'x' ? 'y' : 'x';
    assertThat(Secrets.same(token, other + token.substring(1))).isFalse();
    assertThat(Secrets.same("ä", "a")).isFalse();
    assertThat(Secrets.same(null, token)).isFalse();
    assertThat(Secrets.same(token, null)).isFalse();
    assertThat(Secrets.same(null, null)).isFalse();
    assertThat(Secrets.same("", "")).isTrue();
  }

  @Test
  void tokensAreLongRandomAndStoredAsTheirSha256() {
    String a = Secrets.token();
    assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(Secrets.token());
    assertThat(Secrets.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
