package ai.agentlens.app.cloud;

import ai.agentlens.api.ReplayBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link ReplayBrowserContract} against app-cloud. */
class CloudReplayBrowserTest extends ReplayBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "cloud";
  }
}
