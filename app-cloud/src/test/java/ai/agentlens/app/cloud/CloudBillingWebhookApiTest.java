package ai.agentlens.app.cloud;

import ai.agentlens.api.TestStack;
import ai.agentlens.api.billing.BillingWebhookApiContract;
import java.util.Map;

/** The test kit's {@link BillingWebhookApiContract} against app-cloud with Stripe on WireMock. */
class CloudBillingWebhookApiTest extends BillingWebhookApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
