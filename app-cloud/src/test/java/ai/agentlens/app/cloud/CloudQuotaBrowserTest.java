package ai.agentlens.app.cloud;

import ai.agentlens.api.QuotaBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link QuotaBrowserContract} against app-cloud, quotas scaled down. */
class CloudQuotaBrowserTest extends QuotaBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(scaled(extra));
  }

  @Override
  protected String launcher() {
    return "cloud";
  }
}
