package ai.agentlens.app.cloud;

import ai.agentlens.api.AgentsAlertsBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link AgentsAlertsBrowserContract} against app-cloud, in headless Chromium. */
class CloudAgentsAlertsBrowserTest extends AgentsAlertsBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "cloud";
  }
}
