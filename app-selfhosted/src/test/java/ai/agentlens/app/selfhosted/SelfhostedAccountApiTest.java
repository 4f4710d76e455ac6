package ai.agentlens.app.selfhosted;

import ai.agentlens.api.AccountApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link AccountApiContract} against app-selfhosted (SQLite, in-memory queue). */
class SelfhostedAccountApiTest extends AccountApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
