package ai.agentlens.app.selfhosted;

import ai.agentlens.api.AuditVerifyApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link AuditVerifyApiContract} against app-selfhosted. */
class SelfhostedAuditVerifyApiTest extends AuditVerifyApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
