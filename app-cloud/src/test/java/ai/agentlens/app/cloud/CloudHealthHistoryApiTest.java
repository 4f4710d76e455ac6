package ai.agentlens.app.cloud;

import ai.agentlens.api.HealthHistoryApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link HealthHistoryApiContract} against app-cloud. */
class CloudHealthHistoryApiTest extends HealthHistoryApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
