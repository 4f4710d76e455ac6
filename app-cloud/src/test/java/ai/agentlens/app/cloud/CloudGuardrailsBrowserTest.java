package ai.agentlens.app.cloud;

import ai.agentlens.api.GuardrailsBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link GuardrailsBrowserContract} against app-cloud, in headless Chromium. */
class CloudGuardrailsBrowserTest extends GuardrailsBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "cloud";
  }
}
