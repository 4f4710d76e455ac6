package ai.agentlens.app.selfhosted;

import ai.agentlens.api.AgentsAlertsBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/**
 * The test kit's {@link AgentsAlertsBrowserContract} against app-selfhosted, in headless Chromium.
 */
class SelfhostedAgentsAlertsBrowserTest extends AgentsAlertsBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "selfhosted";
  }
}
