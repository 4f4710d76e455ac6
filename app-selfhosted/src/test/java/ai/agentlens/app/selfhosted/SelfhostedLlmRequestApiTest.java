package ai.agentlens.app.selfhosted;

import ai.agentlens.api.LlmRequestApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link LlmRequestApiContract} against app-selfhosted. */
class SelfhostedLlmRequestApiTest extends LlmRequestApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
