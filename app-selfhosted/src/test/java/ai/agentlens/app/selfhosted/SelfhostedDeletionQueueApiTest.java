package ai.agentlens.app.selfhosted;

import ai.agentlens.api.DeletionQueueApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link DeletionQueueApiContract} against app-selfhosted. */
class SelfhostedDeletionQueueApiTest extends DeletionQueueApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
