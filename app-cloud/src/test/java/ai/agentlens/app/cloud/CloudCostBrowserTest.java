package ai.agentlens.app.cloud;

import ai.agentlens.api.CostBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link CostBrowserContract} against app-cloud. */
class CloudCostBrowserTest extends CostBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "cloud";
  }
}
