package ai.agentlens.app.cloud;

import ai.agentlens.api.AuditVerifyBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link AuditVerifyBrowserContract} against app-cloud, in headless Chromium. */
class CloudAuditVerifyBrowserTest extends AuditVerifyBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "cloud";
  }
}
