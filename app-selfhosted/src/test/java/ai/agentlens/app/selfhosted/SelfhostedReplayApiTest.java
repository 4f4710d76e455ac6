package ai.agentlens.app.selfhosted;

import ai.agentlens.api.ReplayApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link ReplayApiContract} against app-selfhosted. */
class SelfhostedReplayApiTest extends ReplayApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
