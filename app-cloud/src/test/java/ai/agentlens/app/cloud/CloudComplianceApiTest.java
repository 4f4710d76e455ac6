package ai.agentlens.app.cloud;

import ai.agentlens.api.ComplianceApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link ComplianceApiContract} against app-cloud. */
class CloudComplianceApiTest extends ComplianceApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
