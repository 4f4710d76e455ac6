package ai.agentlens.app.selfhosted;

import ai.agentlens.api.LanSelfHostingContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link LanSelfHostingContract} against app-selfhosted. */
class SelfhostedLanSelfHostingTest extends LanSelfHostingContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "selfhosted";
  }
}
