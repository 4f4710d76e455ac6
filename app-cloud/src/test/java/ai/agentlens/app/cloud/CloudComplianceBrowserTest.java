package ai.agentlens.app.cloud;

import ai.agentlens.api.ComplianceBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link ComplianceBrowserContract} against app-cloud, in headless Chromium. */
class CloudComplianceBrowserTest extends ComplianceBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "cloud";
  }
}
