package ai.agentlens.app.selfhosted;

import ai.agentlens.api.IncidentApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link IncidentApiContract} against app-selfhosted. */
class SelfhostedIncidentApiTest extends IncidentApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
