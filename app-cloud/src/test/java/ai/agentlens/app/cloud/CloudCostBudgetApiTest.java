package ai.agentlens.app.cloud;

import ai.agentlens.api.CostBudgetApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link CostBudgetApiContract} against app-cloud. */
class CloudCostBudgetApiTest extends CostBudgetApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
