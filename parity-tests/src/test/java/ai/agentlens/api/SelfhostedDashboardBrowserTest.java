package ai.agentlens.api;

import java.util.Map;

class SelfhostedDashboardBrowserTest extends DashboardBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return TestStack.selfhosted(extra);
  }

  @Override
  protected String launcher() {
    return "selfhosted";
  }
}
