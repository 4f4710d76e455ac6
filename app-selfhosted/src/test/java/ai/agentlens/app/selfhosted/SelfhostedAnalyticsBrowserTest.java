package ai.agentlens.app.selfhosted;

import ai.agentlens.api.AnalyticsBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link AnalyticsBrowserContract} against app-selfhosted in headless Chromium. */
class SelfhostedAnalyticsBrowserTest extends AnalyticsBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "selfhosted";
  }
}
