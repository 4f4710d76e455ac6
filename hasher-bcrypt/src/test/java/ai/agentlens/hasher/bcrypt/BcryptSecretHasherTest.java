package ai.agentlens.hasher.bcrypt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BcryptSecretHasherTest {

  private final BcryptSecretHasher hasher = new BcryptSecretHasher(4);

  @Test
  void aHashVerifiesItsSecretOnlyAndIsSaltedEachTime() {
    String hash = hasher.hash("correct horse");
    assertThat(hash).startsWith("$2a$04$").doesNotContain("correct horse");
    assertThat(hasher.verify("correct horse", hash)).isTrue();
    assertThat(hasher.verify("correct horsE", hash)).isFalse();
    assertThat(hasher.hash("correct horse")).isNotEqualTo(hash);
  }

  @Test
  void missingOrMalformedHashesNeverVerify() {
    assertThat(hasher.verify("x", null)).isFalse();
    assertThat(hasher.verify("x", "")).isFalse();
    assertThat(hasher.verify("x", "not-a-bcrypt-hash")).isFalse();
  }

  @Test
  void theConfiguredCostIsUsed() {
    assertThat(new BcryptSecretHasher(10).hash("s")).startsWith("$2a$10$");
  }
}
