package ai.agentlens.app.selfhosted;

import ai.agentlens.api.MetricsApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link MetricsApiContract} against app-selfhosted. */
class SelfhostedMetricsApiTest extends MetricsApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }

  @Override
  protected boolean hasConnectionPool() {
    return false;
  }

  @Override
  protected boolean hasSingleWriter() {
    return true;
  }

  @Override
  protected boolean defersSessionIndex() {
    return true;
  }
}
