package ai.agentlens.app.selfhosted;

import ai.agentlens.api.TestStack;
import ai.agentlens.api.TlsContract;
import java.util.Map;

/** The test kit's {@link TlsContract} against app-selfhosted. */
class SelfhostedTlsTest extends TlsContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
