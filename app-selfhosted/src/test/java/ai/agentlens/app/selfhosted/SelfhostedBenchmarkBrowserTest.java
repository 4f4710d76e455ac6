package ai.agentlens.app.selfhosted;

import ai.agentlens.api.BenchmarkBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link BenchmarkBrowserContract} against app-selfhosted. */
class SelfhostedBenchmarkBrowserTest extends BenchmarkBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "selfhosted";
  }
}
