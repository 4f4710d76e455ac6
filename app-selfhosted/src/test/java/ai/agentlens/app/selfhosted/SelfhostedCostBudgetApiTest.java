package ai.agentlens.app.selfhosted;

import ai.agentlens.api.CostBudgetApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link CostBudgetApiContract} against app-selfhosted. */
class SelfhostedCostBudgetApiTest extends CostBudgetApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
