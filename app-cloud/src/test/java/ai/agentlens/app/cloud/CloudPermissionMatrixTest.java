package ai.agentlens.app.cloud;

import ai.agentlens.api.PermissionMatrixContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link PermissionMatrixContract} against app-cloud (PostgreSQL, Redis). */
class CloudPermissionMatrixTest extends PermissionMatrixContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
