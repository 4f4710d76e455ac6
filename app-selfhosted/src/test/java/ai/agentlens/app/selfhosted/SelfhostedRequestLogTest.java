package ai.agentlens.app.selfhosted;

import ai.agentlens.api.RequestLogContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link RequestLogContract} against app-selfhosted. */
class SelfhostedRequestLogTest extends RequestLogContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
