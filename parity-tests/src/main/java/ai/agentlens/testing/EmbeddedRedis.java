package ai.agentlens.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/**
 * A Redis server process owned by one test (embedded-redis binaries from Maven Central), on a free
 * port that stays the same across {@link #stop()} and {@link #start()}, so fault tests can restart
 * it under a running client.
 */
public final class EmbeddedRedis implements AutoCloseable {

  private final int port;
  private final RedisServer server;

  private EmbeddedRedis(int port, String... settings) throws IOException {
    this.port = port;
    if (settings.length == 0) {
      this.server = new RedisServer(port);
    } else {
      RedisServerBuilder builder = RedisServer.newRedisServer().port(port);
      for (String setting : settings) {
        builder.setting(setting);
      }
      this.server = builder.build();
    }
  }

  /**
   * Starts a new server on a free port; it is stopped at JVM exit if the test does not close it.
   *
   * @return the running server
   */
  public static EmbeddedRedis startOnFreePort() {
    return startOnFreePort(new String[0]);
  }

  /**
   * Starts a new server on a free port with extra {@code redis.conf} lines, e.g. {@code "appendonly
   * yes"} and {@code "dir /tmp/x"} for a server whose data survives {@link #stop()} and {@link
   * #start()}, or {@code "save ''"} for one that keeps nothing.
   *
   * @param settings configuration lines
   * @return the running server
   */
  public static EmbeddedRedis startOnFreePort(String... settings) {
    try {
      EmbeddedRedis redis = new EmbeddedRedis(FreePort.find(), settings);
      redis.start();
      Runtime.getRuntime()
          .addShutdownHook(new Thread(redis::close, "stop-embedded-redis-" + redis.port));
      return redis;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded Redis", e);
    }
  }

  /**
   * Returns the port.
   *
   * @return the port, fixed for the life of this object
   */
  public int port() {
    return port;
  }

  /**
   * Returns the server as a test server record.
   *
   * @return host, port and source
   */
  public TestRedisServer asServer() {
    return new TestRedisServer("127.0.0.1", port, "", "embedded (embedded-redis)");
  }

  /**
   * Starts (or restarts) the process. Data is kept across restarts only as far as the settings
   * given at creation persist it.
   */
  public void start() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded Redis on port " + port, e);
    }
  }

  /** Stops the process; the port stays reserved for a later {@link #start()}. */
  public void stop() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop embedded Redis on port " + port, e);
    }
  }

  /**
   * Tells whether the process runs.
   *
   * @return {@code true} while started
   */
  public boolean isRunning() {
    return server.isActive();
  }

  @Override
  public void close() {
    if (server.isActive()) {
      stop();
    }
  }
}
