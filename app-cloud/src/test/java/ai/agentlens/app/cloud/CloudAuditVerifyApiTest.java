package ai.agentlens.app.cloud;

import ai.agentlens.api.AuditVerifyApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link AuditVerifyApiContract} against app-cloud. */
class CloudAuditVerifyApiTest extends AuditVerifyApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
