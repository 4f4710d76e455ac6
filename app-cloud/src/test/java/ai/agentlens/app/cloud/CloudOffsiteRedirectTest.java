package ai.agentlens.app.cloud;

import ai.agentlens.api.OffsiteRedirectContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link OffsiteRedirectContract} against app-cloud. */
class CloudOffsiteRedirectTest extends OffsiteRedirectContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
