package ai.agentlens.app.selfhosted;

import ai.agentlens.api.DashboardBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/**
 * The test kit's {@link DashboardBrowserContract} against app-selfhosted (SQLite, in-memory queue).
 */
class SelfhostedDashboardBrowserTest extends DashboardBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "selfhosted";
  }
}
