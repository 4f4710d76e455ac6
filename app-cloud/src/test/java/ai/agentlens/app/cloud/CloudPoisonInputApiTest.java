package ai.agentlens.app.cloud;

import ai.agentlens.api.PoisonInputApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link PoisonInputApiContract} against app-cloud (PostgreSQL, Redis Streams). */
class CloudPoisonInputApiTest extends PoisonInputApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
