package ai.agentlens.app.selfhosted;

import ai.agentlens.api.TestStack;
import ai.agentlens.api.fuzz.FuzzApiContract;
import java.util.Map;

/**
 * The test kit's {@link FuzzApiContract} against app-selfhosted (SQLite, in-memory queue), with the
 * full number of tries (10,500 bodies a run).
 */
class SelfhostedFuzzApiTest extends FuzzApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
