package ai.agentlens.app.selfhosted;

import ai.agentlens.api.BenchmarkApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link BenchmarkApiContract} against app-selfhosted. */
class SelfhostedBenchmarkApiTest extends BenchmarkApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
