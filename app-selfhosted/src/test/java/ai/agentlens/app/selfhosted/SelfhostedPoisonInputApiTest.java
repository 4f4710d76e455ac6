package ai.agentlens.app.selfhosted;

import ai.agentlens.api.PoisonInputApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/**
 * The test kit's {@link PoisonInputApiContract} against app-selfhosted (SQLite, in-memory queue).
 */
class SelfhostedPoisonInputApiTest extends PoisonInputApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
