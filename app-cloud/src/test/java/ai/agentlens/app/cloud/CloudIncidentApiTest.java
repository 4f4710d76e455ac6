package ai.agentlens.app.cloud;

import ai.agentlens.api.IncidentApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link IncidentApiContract} against app-cloud. */
class CloudIncidentApiTest extends IncidentApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
