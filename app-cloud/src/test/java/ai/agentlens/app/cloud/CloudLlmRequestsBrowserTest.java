package ai.agentlens.app.cloud;

import ai.agentlens.api.LlmRequestsBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link LlmRequestsBrowserContract} against app-cloud, in headless Chromium. */
class CloudLlmRequestsBrowserTest extends LlmRequestsBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "cloud";
  }
}
