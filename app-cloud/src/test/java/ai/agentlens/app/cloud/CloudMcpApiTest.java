package ai.agentlens.app.cloud;

import ai.agentlens.api.McpApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link McpApiContract} against app-cloud. */
class CloudMcpApiTest extends McpApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
