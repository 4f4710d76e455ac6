package ai.agentlens.app.cloud;

import ai.agentlens.api.RemediationApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link RemediationApiContract} against app-cloud. */
class CloudRemediationApiTest extends RemediationApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
