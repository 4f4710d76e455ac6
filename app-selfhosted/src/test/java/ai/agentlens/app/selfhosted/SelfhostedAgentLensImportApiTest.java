package ai.agentlens.app.selfhosted;

import ai.agentlens.api.AgentLensImportApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link AgentLensImportApiContract} against app-selfhosted. */
class SelfhostedAgentLensImportApiTest extends AgentLensImportApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
