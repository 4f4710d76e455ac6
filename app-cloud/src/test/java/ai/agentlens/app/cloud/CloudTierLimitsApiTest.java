package ai.agentlens.app.cloud;

import ai.agentlens.api.TestStack;
import ai.agentlens.api.TierLimitsApiContract;
import java.util.Map;

/** The test kit's {@link TierLimitsApiContract} against app-cloud, new orgs on Free. */
class CloudTierLimitsApiTest extends TierLimitsApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(freeByDefault(extra));
  }
}
