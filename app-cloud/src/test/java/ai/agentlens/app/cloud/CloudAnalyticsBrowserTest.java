package ai.agentlens.app.cloud;

import ai.agentlens.api.AnalyticsBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link AnalyticsBrowserContract} against app-cloud in headless Chromium. */
class CloudAnalyticsBrowserTest extends AnalyticsBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "cloud";
  }
}
