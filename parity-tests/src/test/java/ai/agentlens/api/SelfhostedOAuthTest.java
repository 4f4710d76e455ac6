package ai.agentlens.api;

import java.util.Map;

class SelfhostedOAuthTest extends OAuthContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return TestStack.selfhosted(extra);
  }
}
