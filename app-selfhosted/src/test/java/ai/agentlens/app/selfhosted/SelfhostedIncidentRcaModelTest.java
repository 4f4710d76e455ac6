package ai.agentlens.app.selfhosted;

import ai.agentlens.api.IncidentRcaModelContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link IncidentRcaModelContract} against app-selfhosted. */
class SelfhostedIncidentRcaModelTest extends IncidentRcaModelContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
