package ai.agentlens.app.selfhosted;

import ai.agentlens.api.ReplayBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link ReplayBrowserContract} against app-selfhosted. */
class SelfhostedReplayBrowserTest extends ReplayBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "selfhosted";
  }
}
