package ai.agentlens.app.selfhosted;

import ai.agentlens.api.LlmRequestsBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/**
 * The test kit's {@link LlmRequestsBrowserContract} against app-selfhosted, in headless Chromium.
 */
class SelfhostedLlmRequestsBrowserTest extends LlmRequestsBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "selfhosted";
  }
}
