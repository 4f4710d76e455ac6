package ai.agentlens.api;

import java.util.Map;

class SelfhostedIngestApiTest extends IngestApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return TestStack.selfhosted(extra);
  }
}
