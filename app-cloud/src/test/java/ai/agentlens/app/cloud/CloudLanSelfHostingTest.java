package ai.agentlens.app.cloud;

import ai.agentlens.api.LanSelfHostingContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link LanSelfHostingContract} against app-cloud. */
class CloudLanSelfHostingTest extends LanSelfHostingContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "cloud";
  }
}
