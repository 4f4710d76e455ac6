package ai.agentlens.app.cloud;

import ai.agentlens.api.IncidentsBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link IncidentsBrowserContract} against app-cloud, in headless Chromium. */
class CloudIncidentsBrowserTest extends IncidentsBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "cloud";
  }
}
