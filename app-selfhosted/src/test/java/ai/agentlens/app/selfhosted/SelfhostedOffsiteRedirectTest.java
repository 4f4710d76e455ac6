package ai.agentlens.app.selfhosted;

import ai.agentlens.api.OffsiteRedirectContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link OffsiteRedirectContract} against app-selfhosted. */
class SelfhostedOffsiteRedirectTest extends OffsiteRedirectContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
