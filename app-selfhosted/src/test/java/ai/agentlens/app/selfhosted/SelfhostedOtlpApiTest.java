package ai.agentlens.app.selfhosted;

import ai.agentlens.api.OtlpApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link OtlpApiContract} against app-selfhosted (SQLite, in-memory queue). */
class SelfhostedOtlpApiTest extends OtlpApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
