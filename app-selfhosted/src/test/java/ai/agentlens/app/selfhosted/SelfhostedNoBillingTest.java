package ai.agentlens.app.selfhosted;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Api;
import ai.agentlens.api.LauncherApiSuite;
import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.api.TestStack;
import ai.agentlens.core.plan.Plan;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Self-hosted is free and unlimited: no billing routes (404, even with a Stripe-looking
 * configuration), and no Stripe class on its class path (the enforcer bans com.stripe too).
 */
class SelfhostedNoBillingTest extends LauncherApiSuite {

  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }

  @Test
  void billingRoutesDoNotExist() {
    Tenant t = tenants.create(Plan.SELF_HOSTED, null);
    for (String path :
        new String[] {"/api/billing", "/api/billing/checkout", "/webhooks/stripe", "/billing"}) {
      Api.Reply get = api.get(path, t.key());
      assertThat(get.status()).as(path).isEqualTo(404);
    }
    assertThat(api.post("/api/billing/checkout", t.key(), "{\"plan\":\"pro\"}").status())
        .isEqualTo(404);
    assertThat(api.post("/webhooks/stripe", null, "{}").status()).isEqualTo(404);
  }

  @Test
  void noStripeClientOnTheClassPath() {
    assertThat(getClass().getClassLoader().getResource("com/stripe/StripeClient.class")).isNull();
  }
}
