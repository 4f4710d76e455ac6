package ai.agentlens.app.selfhosted;

import ai.agentlens.api.TestStack;
import ai.agentlens.testing.FreePort;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * app-selfhosted started for real in the test JVM (SQLite + in-memory queue on a fresh data
 * directory), as the test kit's API suites drive it.
 *
 * @param port the HTTP port
 * @param context the running application context
 */
record SelfhostedStack(int port, ApplicationContext context) implements TestStack {

  /**
   * Starts app-selfhosted on a fresh data directory and a free port.
   *
   * @param extra extra Micronaut properties
   * @return the running stack
   */
  static SelfhostedStack start(Map<String, Object> extra) {
    try {
      int port = FreePort.find();
      var dir = Files.createTempDirectory("agentlens-selfhosted-");
      // why: suites that do not test agent memory should not pay for the in-process model
      Map<String, Object> props =
          new java.util.HashMap<>(Map.of("agentlens.embedding.provider", "none"));
      props.putAll(extra);
      return new SelfhostedStack(
          port, SelfhostedMain.start(new SelfhostedConfig(port, dir), props));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}
