package ai.agentlens.app.selfhosted;

import ai.agentlens.api.HealthApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link HealthApiContract} against app-selfhosted. */
class SelfhostedHealthApiTest extends HealthApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
