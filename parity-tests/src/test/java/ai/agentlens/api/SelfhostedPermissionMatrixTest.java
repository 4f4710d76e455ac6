package ai.agentlens.api;

import java.util.Map;

class SelfhostedPermissionMatrixTest extends PermissionMatrixContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return TestStack.selfhosted(extra);
  }
}
