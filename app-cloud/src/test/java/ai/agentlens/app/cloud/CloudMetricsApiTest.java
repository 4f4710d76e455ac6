package ai.agentlens.app.cloud;

import ai.agentlens.api.MetricsApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link MetricsApiContract} against app-cloud. */
class CloudMetricsApiTest extends MetricsApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }

  @Override
  protected boolean hasConnectionPool() {
    return true;
  }

  @Override
  protected boolean hasSingleWriter() {
    return false;
  }

  @Override
  protected boolean defersSessionIndex() {
    return false;
  }
}
