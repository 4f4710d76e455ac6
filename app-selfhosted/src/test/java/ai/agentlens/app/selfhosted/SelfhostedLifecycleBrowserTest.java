package ai.agentlens.app.selfhosted;

import ai.agentlens.api.LifecycleBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link LifecycleBrowserContract} against app-selfhosted. */
class SelfhostedLifecycleBrowserTest extends LifecycleBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "selfhosted";
  }
}
