package ai.agentlens.app.selfhosted;

import ai.agentlens.api.CostOptimizationApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link CostOptimizationApiContract} against app-selfhosted. */
class SelfhostedCostOptimizationApiTest extends CostOptimizationApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
