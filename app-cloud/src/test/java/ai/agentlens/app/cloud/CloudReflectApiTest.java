package ai.agentlens.app.cloud;

import ai.agentlens.api.ReflectApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link ReflectApiContract} against app-cloud. */
class CloudReflectApiTest extends ReflectApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
