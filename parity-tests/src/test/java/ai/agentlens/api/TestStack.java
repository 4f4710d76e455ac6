package ai.agentlens.api;

import ai.agentlens.app.cloud.CloudConfig;
import ai.agentlens.app.cloud.CloudMain;
import ai.agentlens.app.selfhosted.SelfhostedConfig;
import ai.agentlens.app.selfhosted.SelfhostedMain;
import ai.agentlens.testing.FreePort;
import ai.agentlens.testing.TestPostgres;
import ai.agentlens.testing.TestRedis;
import ai.agentlens.testing.TestStorage;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** One launcher, started for real in this JVM: its HTTP port and its application context. */
public record TestStack(
    String name,
    int port,
    ApplicationContext context,
    Map<String, String> env,
    Map<String, Object> props)
    implements AutoCloseable {

  /**
   * Starts app-selfhosted on a fresh data directory (SQLite + in-memory queue).
   *
   * @param extra extra Micronaut properties
   * @return the stack
   */
  public static TestStack selfhosted(Map<String, Object> extra) {
    try {
      int port = FreePort.find();
      var dir = Files.createTempDirectory("agentlens-selfhosted-");
      return new TestStack(
          "self-hosted",
          port,
          SelfhostedMain.start(new SelfhostedConfig(port, dir), extra),
          Map.of(),
          extra);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts app-cloud on a fresh PostgreSQL database with its own roles, and this run's Redis under
   * a key prefix of its own.
   *
   * @param extra extra Micronaut properties
   * @param redisUrl the Redis to use
   * @return the stack
   */
  public static TestStack cloud(Map<String, Object> extra, String redisUrl) {
    var roles = TestStorage.createRoles(TestPostgres.newDatabase());
    Map<String, Object> props = new HashMap<>();
    props.put(
        "agentlens.redis.key-prefix",
        TestRedis.keyPrefix() + UUID.randomUUID().toString().substring(0, 8) + ":");
    props.putAll(extra);
    return cloudOn(roles, props, redisUrl);
  }

  /**
   * Starts two app-cloud instances sharing one PostgreSQL database and one Redis key prefix, as a
   * horizontally scaled deployment does.
   *
   * @param extra extra Micronaut properties for both
   * @param redisUrl the Redis to use
   * @return the two stacks
   */
  public static TestStack[] cloudTwins(Map<String, Object> extra, String redisUrl) {
    var roles = TestStorage.createRoles(TestPostgres.newDatabase());
    Map<String, Object> props = new HashMap<>();
    props.put(
        "agentlens.redis.key-prefix",
        TestRedis.keyPrefix() + UUID.randomUUID().toString().substring(0, 8) + ":");
    props.putAll(extra);
    TestStack first = cloudOn(roles, props, redisUrl);
    return new TestStack[] {first, cloudOn(roles, props, redisUrl)};
  }

  private static TestStack cloudOn(
      TestStorage.PostgresRoles roles, Map<String, Object> props, String redisUrl) {
    var server = roles.database().server();
    int port = FreePort.find();
    Map<String, String> env =
        Map.of(
            "AGENTLENS_DATABASE_URL",
            "postgres://"
                + roles.owner()
                + ":"
                + roles.password()
                + "@"
                + server.host()
                + ":"
                + server.port()
                + "/"
                + roles.database().name(),
            "AGENTLENS_DATABASE_APP_USER",
            roles.app(),
            "AGENTLENS_DATABASE_APP_PASSWORD",
            roles.password(),
            "AGENTLENS_REDIS_URL",
            redisUrl,
            "AGENTLENS_PORT",
            Integer.toString(port));
    return new TestStack(
        "cloud", port, CloudMain.start(CloudConfig.fromEnv(env), props), env, props);
  }

  /**
   * Starts another app-cloud instance on the same database and Redis namespace as this one (a
   * second gateway or worker process).
   *
   * @param envOverrides environment to change, e.g. {@code AGENTLENS_ROLE}
   * @param extra extra Micronaut properties
   * @return the new instance
   */
  public TestStack cloudPeer(Map<String, String> envOverrides, Map<String, Object> extra) {
    int peerPort = FreePort.find();
    Map<String, String> peerEnv = new HashMap<>(env);
    peerEnv.putAll(envOverrides);
    peerEnv.put("AGENTLENS_PORT", Integer.toString(peerPort));
    Map<String, Object> peerProps = new HashMap<>(props);
    peerProps.putAll(extra);
    return new TestStack(
        "cloud",
        peerPort,
        CloudMain.start(CloudConfig.fromEnv(peerEnv), peerProps),
        peerEnv,
        peerProps);
  }

  /**
   * Returns a bean of the running context.
   *
   * @param type the bean type
   * @param <T> the type
   * @return the bean
   */
  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /**
   * Returns the base URL.
   *
   * @return e.g. {@code http://127.0.0.1:34567}
   */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    context.close();
  }
}
