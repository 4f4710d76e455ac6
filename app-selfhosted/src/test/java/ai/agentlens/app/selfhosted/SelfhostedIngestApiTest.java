package ai.agentlens.app.selfhosted;

import ai.agentlens.api.IngestApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link IngestApiContract} against app-selfhosted (SQLite, in-memory queue). */
class SelfhostedIngestApiTest extends IngestApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
