package ai.agentlens.app.cloud;

import ai.agentlens.api.ReadApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link ReadApiContract} against app-cloud. */
class CloudReadApiTest extends ReadApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
