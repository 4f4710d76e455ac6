package ai.agentlens.testing;

import ai.agentlens.testing.ServerResolver.Candidate;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The real Redis server of this test run, found once per JVM in this order: {@code
 * AGENTLENS_TEST_REDIS_URL} (if set, it must work) → a server answering {@code PING} on {@code
 * localhost:6379} → a Testcontainers {@code redis:7-alpine} when Docker is available → an embedded
 * redis-server binary from Maven Central.
 *
 * <p>Redis has no cheap "create database", so each run gets its own key namespace, {@link
 * #keyPrefix()}, whose keys are deleted at JVM exit.
 */
public final class TestRedis {

  /** Environment variable naming an explicit Redis URL. */
  public static final String ENV_URL = "AGENTLENS_TEST_REDIS_URL";

  private static final Logger LOG = LoggerFactory.getLogger(TestRedis.class);
  private static final String PREFIX =
      "agentlens-test:" + UUID.randomUUID().toString().substring(0, 8) + ":";
  private static TestRedisServer server;

  private TestRedis() {}

  /**
   * Returns the server, resolving it on first use.
   *
   * @return the server
   */
  public static synchronized TestRedisServer server() {
    if (server == null) {
      var resolved = ServerResolver.resolve("Redis", candidates(System.getenv()));
      server = resolved.server();
      LOG.info("test Redis from {} (passed over: {})", resolved.source(), resolved.passedOver());
      Runtime.getRuntime()
          .addShutdownHook(new Thread(TestRedis::deleteRunKeys, "delete-test-redis-keys"));
    }
    return server;
  }

  /**
   * Returns the key prefix of this test run, e.g. {@code agentlens-test:1a2b3c4d:}. Every key a
   * test writes to the shared server must start with it.
   *
   * @return the prefix
   */
  public static String keyPrefix() {
    return PREFIX;
  }

  /**
   * The candidates in resolution order; exposed for the fallback-order test.
   *
   * @param env the environment to read {@link #ENV_URL} from
   * @return the candidates
   */
  public static List<Candidate<TestRedisServer>> candidates(Map<String, String> env) {
    return List.of(
        new Candidate<>(ENV_URL, () -> fromUrl(env.get(ENV_URL)), true),
        new Candidate<>("localhost:6379", TestRedis::localhost, false),
        new Candidate<>("Testcontainers", TestRedis::container, false),
        new Candidate<>(
            "embedded (embedded-redis)",
            () -> Optional.of(EmbeddedRedis.startOnFreePort().asServer()),
            false));
  }

  static Optional<TestRedisServer> fromUrl(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    URI uri = URI.create(raw);
    String info = uri.getUserInfo();
    String password = info == null ? "" : info.substring(info.indexOf(':') + 1);
    var s =
        new TestRedisServer(
            uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379, password, ENV_URL);
    ping(s);
    return Optional.of(s);
  }

  static Optional<TestRedisServer> localhost() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", 6379), 500);
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
    var s = new TestRedisServer("127.0.0.1", 6379, "", "localhost:6379");
    ping(s);
    return Optional.of(s);
  }

  static Optional<TestRedisServer> container() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      return Optional.empty();
    }
    @SuppressWarnings(
        "resource") // why: lives as long as the JVM; Testcontainers' reaper removes it
    GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
    redis.start();
    return Optional.of(
        new TestRedisServer(redis.getHost(), redis.getMappedPort(6379), "", "Testcontainers"));
  }

  private static void ping(TestRedisServer s) {
    try (Jedis jedis = new Jedis(s.uri(), 2000)) {
      String pong = jedis.ping();
      if (!"PONG".equalsIgnoreCase(pong)) {
        throw new IllegalStateException(
            "Redis at " + s.host() + ":" + s.port() + " answered " + pong);
      }
    }
  }

  private static void deleteRunKeys() {
    try (Jedis jedis = new Jedis(server.uri(), 2000)) {
      String cursor = ScanParams.SCAN_POINTER_START;
      ScanParams params = new ScanParams().match(PREFIX + "*").count(500);
      do {
        ScanResult<String> page = jedis.scan(cursor, params);
        if (!page.getResult().isEmpty()) {
          jedis.del(page.getResult().toArray(String[]::new));
        }
        cursor = page.getCursor();
      } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    } catch (RuntimeException e) {
      System.err.println("could not delete test Redis keys " + PREFIX + "*: " + e.getMessage());
    }
  }
}
