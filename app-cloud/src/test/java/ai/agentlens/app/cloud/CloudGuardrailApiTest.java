package ai.agentlens.app.cloud;

import ai.agentlens.api.GuardrailApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link GuardrailApiContract} against app-cloud. */
class CloudGuardrailApiTest extends GuardrailApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
