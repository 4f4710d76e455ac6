package ai.agentlens.app.selfhosted;

import ai.agentlens.api.RemediationApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link RemediationApiContract} against app-selfhosted. */
class SelfhostedRemediationApiTest extends RemediationApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
