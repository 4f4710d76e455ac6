package ai.agentlens.app.cloud;

import ai.agentlens.api.IncidentRcaModelContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link IncidentRcaModelContract} against app-cloud. */
class CloudIncidentRcaModelTest extends IncidentRcaModelContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
