package ai.agentlens.app.selfhosted;

import ai.agentlens.api.McpApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link McpApiContract} against app-selfhosted. */
class SelfhostedMcpApiTest extends McpApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
