package ai.agentlens.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Both forms of an event's digested head give SHA-256 of head and rest, afresh on every use. */
class DigestHeadTest {

  private static final byte[] HEAD =
      "{\"agentId\":\"a1\",\"payload\":{\"k\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] REST = ",\"sequence\":3}".getBytes(StandardCharsets.UTF_8);

  private static String finish(DigestHead h) {
    MessageDigest md = h.resume();
    md.update(REST);
    return HexFormat.of().formatHex(md.digest());
  }

  private static String whole() throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    md.update(HEAD);
    md.update(REST);
    return HexFormat.of().formatHex(md.digest());
  }

  @Test
  void aCloneableProviderKeepsTheStateAndAnotherKeepsTheBytesBothHashingTheSame() throws Exception {
    DigestHead state = DigestHead.of(HEAD, true);
    DigestHead bytes = DigestHead.of(HEAD, false);
    assertThat(state.keepsState()).isTrue();
    assertThat(bytes.keepsState()).isFalse();
    String expected = whole();
    for (DigestHead h : new DigestHead[] {state, bytes}) {
      assertThat(finish(h)).isEqualTo(expected);
      // a second use (a retried transaction) starts from the head again
      assertThat(finish(h)).isEqualTo(expected);
    }
  }

  @Test
  void theBytesFormKeepsItsOwnCopyOfTheHead() throws Exception {
    byte[] head = HEAD.clone();
    DigestHead bytes = DigestHead.of(head, false);
    head[0] = 'x';
    assertThat(finish(bytes)).isEqualTo(whole());
  }

  @Test
  void theJdksSha256CanBeCloned() throws Exception {
    assertThat(DigestHead.cloneable(MessageDigest.getInstance("SHA-256"))).isTrue();
  }
}
