package ai.agentlens.app.selfhosted;

import ai.agentlens.api.HealthHistoryApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link HealthHistoryApiContract} against app-selfhosted. */
class SelfhostedHealthHistoryApiTest extends HealthHistoryApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
