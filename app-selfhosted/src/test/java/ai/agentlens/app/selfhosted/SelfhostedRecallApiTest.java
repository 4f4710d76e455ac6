package ai.agentlens.app.selfhosted;

import ai.agentlens.api.RecallApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link RecallApiContract} against app-selfhosted. */
class SelfhostedRecallApiTest extends RecallApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
