package ai.agentlens.app.cloud;

import ai.agentlens.api.ContextApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link ContextApiContract} against app-cloud. */
class CloudContextApiTest extends ContextApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
