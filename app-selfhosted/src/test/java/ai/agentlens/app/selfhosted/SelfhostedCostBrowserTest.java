package ai.agentlens.app.selfhosted;

import ai.agentlens.api.CostBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link CostBrowserContract} against app-selfhosted. */
class SelfhostedCostBrowserTest extends CostBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "selfhosted";
  }
}
