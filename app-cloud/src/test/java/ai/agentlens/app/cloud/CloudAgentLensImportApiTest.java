package ai.agentlens.app.cloud;

import ai.agentlens.api.AgentLensImportApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link AgentLensImportApiContract} against app-cloud. */
class CloudAgentLensImportApiTest extends AgentLensImportApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
