package ai.agentlens.app.selfhosted;

import ai.agentlens.api.ReflectApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link ReflectApiContract} against app-selfhosted. */
class SelfhostedReflectApiTest extends ReflectApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
