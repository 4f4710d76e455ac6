package ai.agentlens.app.selfhosted;

import ai.agentlens.api.ComplianceApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link ComplianceApiContract} against app-selfhosted. */
class SelfhostedComplianceApiTest extends ComplianceApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
