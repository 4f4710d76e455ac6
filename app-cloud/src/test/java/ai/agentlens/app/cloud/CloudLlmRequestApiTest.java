package ai.agentlens.app.cloud;

import ai.agentlens.api.LlmRequestApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link LlmRequestApiContract} against app-cloud. */
class CloudLlmRequestApiTest extends LlmRequestApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
