package ai.agentlens.app.selfhosted;

import ai.agentlens.api.FeatureFlagApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link FeatureFlagApiContract} against app-selfhosted. */
class SelfhostedFeatureFlagApiTest extends FeatureFlagApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
