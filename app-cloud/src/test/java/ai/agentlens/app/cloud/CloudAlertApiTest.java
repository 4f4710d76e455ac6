package ai.agentlens.app.cloud;

import ai.agentlens.api.AlertApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link AlertApiContract} against app-cloud. */
class CloudAlertApiTest extends AlertApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
