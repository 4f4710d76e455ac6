package ai.agentlens.app.cloud;

import ai.agentlens.api.AccountApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link AccountApiContract} against app-cloud (PostgreSQL, Redis). */
class CloudAccountApiTest extends AccountApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
