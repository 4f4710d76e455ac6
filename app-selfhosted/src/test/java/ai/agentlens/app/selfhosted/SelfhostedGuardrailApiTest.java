package ai.agentlens.app.selfhosted;

import ai.agentlens.api.GuardrailApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link GuardrailApiContract} against app-selfhosted. */
class SelfhostedGuardrailApiTest extends GuardrailApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
