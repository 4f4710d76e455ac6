package ai.agentlens.app.cloud;

import ai.agentlens.api.FeatureFlagApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link FeatureFlagApiContract} against app-cloud. */
class CloudFeatureFlagApiTest extends FeatureFlagApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
