package ai.agentlens.app.selfhosted;

import ai.agentlens.api.GuardrailsBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/**
 * The test kit's {@link GuardrailsBrowserContract} against app-selfhosted, in headless Chromium.
 */
class SelfhostedGuardrailsBrowserTest extends GuardrailsBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "selfhosted";
  }
}
