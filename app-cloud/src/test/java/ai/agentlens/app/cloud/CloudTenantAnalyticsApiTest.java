package ai.agentlens.app.cloud;

import ai.agentlens.api.TenantAnalyticsApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link TenantAnalyticsApiContract} against app-cloud. */
class CloudTenantAnalyticsApiTest extends TenantAnalyticsApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
