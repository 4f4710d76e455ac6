package ai.agentlens.app.cloud;

import ai.agentlens.api.LifecycleBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link LifecycleBrowserContract} against app-cloud. */
class CloudLifecycleBrowserTest extends LifecycleBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "cloud";
  }
}
