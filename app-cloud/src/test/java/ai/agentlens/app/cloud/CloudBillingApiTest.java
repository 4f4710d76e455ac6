package ai.agentlens.app.cloud;

import ai.agentlens.api.TestStack;
import ai.agentlens.api.billing.BillingApiContract;
import java.util.Map;

/** The test kit's {@link BillingApiContract} against app-cloud with Stripe on WireMock. */
class CloudBillingApiTest extends BillingApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
