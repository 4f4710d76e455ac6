package ai.agentlens.api;

import ai.agentlens.testing.TestRedis;
import java.util.Map;

class CloudDashboardBrowserTest extends DashboardBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return TestStack.cloud(extra, TestRedis.server().uri().toString());
  }

  @Override
  protected String launcher() {
    return "cloud";
  }
}
