package ai.agentlens.app.selfhosted;

import ai.agentlens.api.ReadApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link ReadApiContract} against app-selfhosted. */
class SelfhostedReadApiTest extends ReadApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
