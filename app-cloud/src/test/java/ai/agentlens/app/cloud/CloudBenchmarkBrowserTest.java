package ai.agentlens.app.cloud;

import ai.agentlens.api.BenchmarkBrowserContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link BenchmarkBrowserContract} against app-cloud. */
class CloudBenchmarkBrowserTest extends BenchmarkBrowserContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }

  @Override
  protected String launcher() {
    return "cloud";
  }
}
