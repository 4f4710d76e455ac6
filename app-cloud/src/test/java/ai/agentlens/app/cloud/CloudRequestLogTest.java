package ai.agentlens.app.cloud;

import ai.agentlens.api.RequestLogContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link RequestLogContract} against app-cloud. */
class CloudRequestLogTest extends RequestLogContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
