package ai.agentlens.app.cloud;

import ai.agentlens.api.QuotaApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link QuotaApiContract} against app-cloud, quotas scaled down for the test. */
class CloudQuotaApiTest extends QuotaApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(scaled(extra));
  }
}
