package ai.agentlens.core.guardrail.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The webhook signature (RFC 4231 test case 2) and the non-public address check. */
class WebhookSafetyTest {

  @Test
  void signatureIsHmacSha256Hex() {
    assertThat(WebhookSignature.sign("Jefe", "what do ya want for nothing?"))
        .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void nonPublicAddresses() throws Exception {
    for (String ip :
        new String[] {
          "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
          "100.64.0.1", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "224.0.0.1"
        }) {
      assertThat(TargetAddresses.nonPublic(InetAddress.getByName(ip))).as(ip).isTrue();
    }
    for (String ip : new String[] {"8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111"}) {
      assertThat(TargetAddresses.nonPublic(InetAddress.getByName(ip))).as(ip).isFalse();
    }
  }
}
