package ai.agentlens.app.cloud;

import ai.agentlens.api.ReplayApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link ReplayApiContract} against app-cloud. */
class CloudReplayApiTest extends ReplayApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
