package ai.agentlens.app.selfhosted;

import ai.agentlens.api.AlertApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link AlertApiContract} against app-selfhosted. */
class SelfhostedAlertApiTest extends AlertApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
