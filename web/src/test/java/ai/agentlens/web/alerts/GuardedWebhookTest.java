package ai.agentlens.web.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class GuardedWebhookTest {

  private static boolean priv(String literal) throws Exception {
    return GuardedWebhook.isPrivate(InetAddress.getByName(literal));
  }

  @Test
  void privateLoopbackLinkLocalAndReservedAddressesAreRecognized() throws Exception {
    for (String a :
        new String[] {
          "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
          "0.0.0.0", "224.0.0.1", "::1", "fc00::1", "fd12::1", "fe80::1"
        }) {
      assertThat(priv(a)).as(a).isTrue();
    }
    for (String a : new String[] {"8.8.8.8", "100.128.0.1", "172.32.0.1", "2001:4860::8888"}) {
      assertThat(priv(a)).as(a).isFalse();
    }
  }

  @Test
  void loopbackTargetsAndOtherSchemesAreRefusedUnlessAllowed() {
    GuardedWebhook guarded = new GuardedWebhook(false);
    assertThatThrownBy(() -> guarded.post("http://127.0.0.1:9/hook", "{}"))
        .isInstanceOf(GuardedWebhook.WebhookException.class)
        .hasMessageContaining("refused");
    assertThatThrownBy(() -> guarded.post("http://[::1]:9/hook", "{}"))
        .hasMessageContaining("refused");
    assertThatThrownBy(() -> guarded.post("ftp://example.com/x", "{}"))
        .hasMessageContaining("only http and https");
    // why: allowed, the same target is tried for real; nothing listens on the discard port
    assertThatThrownBy(() -> new GuardedWebhook(true).post("http://127.0.0.1:9/hook", "{}"))
        .isInstanceOf(GuardedWebhook.WebhookException.class)
        .hasMessageContaining("unreachable");
  }
}
