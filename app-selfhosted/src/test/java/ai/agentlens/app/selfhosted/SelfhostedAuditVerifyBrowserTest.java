package ai.agentlens.app.selfhosted;

import ai.agentlens.api.AuditVerifyBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/**
 * The test kit's {@link AuditVerifyBrowserContract} against app-selfhosted, in headless Chromium.
 */
class SelfhostedAuditVerifyBrowserTest extends AuditVerifyBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "selfhosted";
  }
}
