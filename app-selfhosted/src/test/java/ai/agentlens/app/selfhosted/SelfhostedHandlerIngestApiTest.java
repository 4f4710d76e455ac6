package ai.agentlens.app.selfhosted;

import ai.agentlens.api.HandlerIngestApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link HandlerIngestApiContract} against app-selfhosted. */
class SelfhostedHandlerIngestApiTest extends HandlerIngestApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
