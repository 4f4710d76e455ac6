package ai.agentlens.app.selfhosted;

import ai.agentlens.api.ComplianceBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/**
 * The test kit's {@link ComplianceBrowserContract} against app-selfhosted, in headless Chromium.
 */
class SelfhostedComplianceBrowserTest extends ComplianceBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "selfhosted";
  }
}
