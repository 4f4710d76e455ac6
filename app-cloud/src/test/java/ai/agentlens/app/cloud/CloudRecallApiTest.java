package ai.agentlens.app.cloud;

import ai.agentlens.api.RecallApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link RecallApiContract} against app-cloud. */
class CloudRecallApiTest extends RecallApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
