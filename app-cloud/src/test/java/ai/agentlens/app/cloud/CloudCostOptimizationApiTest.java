package ai.agentlens.app.cloud;

import ai.agentlens.api.CostOptimizationApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link CostOptimizationApiContract} against app-cloud. */
class CloudCostOptimizationApiTest extends CostOptimizationApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
