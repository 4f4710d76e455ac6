package ai.agentlens.app.cloud;

import ai.agentlens.api.BillingBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link BillingBrowserContract} against app-cloud with Stripe on WireMock. */
class CloudBillingBrowserTest extends BillingBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(withStripe(extra));
  }

  @Override
  protected String launcher() {
    return "cloud";
  }
}
