package ai.agentlens.app.selfhosted;

import ai.agentlens.api.PermissionMatrixContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/**
 * The test kit's {@link PermissionMatrixContract} against app-selfhosted (SQLite, in-memory queue).
 */
class SelfhostedPermissionMatrixTest extends PermissionMatrixContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
