package ai.agentlens.api;

/**
 * A launcher started for real in the test JVM, as the API suites drive it: its HTTP port and the
 * beans behind it. Each launcher module implements it in its own {@code src/test} (starting itself
 * in process) and hands it to the suites through their {@code start(Map)} method, so the same suite
 * runs unchanged against every launcher.
 */
public interface TestStack extends AutoCloseable {

  /**
   * Returns the HTTP port the launcher listens on (loopback).
   *
   * @return the port
   */
  int port();

  /**
   * Returns the base URL.
   *
   * @return e.g. {@code http://127.0.0.1:34567}
   */
  default String url() {
    return "http://127.0.0.1:" + port();
  }

  /**
   * Returns a bean of the running launcher, e.g. a port such as {@code EventStore} or {@code
   * Clock}, for setting up state the HTTP API cannot reach.
   *
   * @param type the bean type
   * @param <T> the type
   * @return the bean
   */
  <T> T bean(Class<T> type);

  /** Stops the launcher and releases its port. */
  @Override
  void close();
}
