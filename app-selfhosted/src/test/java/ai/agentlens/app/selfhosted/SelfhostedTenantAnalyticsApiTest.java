package ai.agentlens.app.selfhosted;

import ai.agentlens.api.TenantAnalyticsApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link TenantAnalyticsApiContract} against app-selfhosted. */
class SelfhostedTenantAnalyticsApiTest extends TenantAnalyticsApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
