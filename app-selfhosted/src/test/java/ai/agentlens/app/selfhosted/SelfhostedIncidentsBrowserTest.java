package ai.agentlens.app.selfhosted;

import ai.agentlens.api.IncidentsBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link IncidentsBrowserContract} against app-selfhosted, in headless Chromium. */
class SelfhostedIncidentsBrowserTest extends IncidentsBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "selfhosted";
  }
}
