package ai.agentlens.api;

import java.util.Map;

class SelfhostedAccountApiTest extends AccountApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return TestStack.selfhosted(extra);
  }
}
