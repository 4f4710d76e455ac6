package ai.agentlens.app.cloud;

import ai.agentlens.api.TestStack;
import ai.agentlens.api.TlsContract;
import java.util.Map;

/** The test kit's {@link TlsContract} against app-cloud. */
class CloudTlsTest extends TlsContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
