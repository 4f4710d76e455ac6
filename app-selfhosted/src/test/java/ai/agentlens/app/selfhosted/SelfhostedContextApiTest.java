package ai.agentlens.app.selfhosted;

import ai.agentlens.api.ContextApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link ContextApiContract} against app-selfhosted. */
class SelfhostedContextApiTest extends ContextApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
