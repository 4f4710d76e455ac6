package ai.agentlens.app.cloud;

import ai.agentlens.api.DeletionQueueApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link DeletionQueueApiContract} against app-cloud. */
class CloudDeletionQueueApiTest extends DeletionQueueApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
