package ai.agentlens.app.cloud;

import ai.agentlens.api.HealthApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link HealthApiContract} against app-cloud. */
class CloudHealthApiTest extends HealthApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
