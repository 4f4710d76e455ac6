package ai.agentlens.app.cloud;

import ai.agentlens.api.BenchmarkApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link BenchmarkApiContract} against app-cloud. */
class CloudBenchmarkApiTest extends BenchmarkApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
