package ai.agentlens.app.cloud;

import ai.agentlens.api.HandlerIngestApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link HandlerIngestApiContract} against app-cloud. */
class CloudHandlerIngestApiTest extends HandlerIngestApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
