package ai.agentlens.app.cloud;

import ai.agentlens.api.DashboardBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link DashboardBrowserContract} against app-cloud (PostgreSQL, Redis). */
class CloudDashboardBrowserTest extends DashboardBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "cloud";
  }
}
