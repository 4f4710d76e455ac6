package ai.agentlens.api;

import java.util.Map;

class SelfhostedOrgLifecycleTest extends OrgLifecycleContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return TestStack.selfhosted(extra);
  }
}
