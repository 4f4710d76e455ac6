package ai.agentlens.app.cloud;

import ai.agentlens.api.TestStack;
import ai.agentlens.testing.FreePort;
import ai.agentlens.testing.TestPostgres;
import ai.agentlens.testing.TestRedis;
import ai.agentlens.testing.TestStorage;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * app-cloud started for real in the test JVM, as the test kit's API suites drive it: on a fresh
 * PostgreSQL database with its own owner and application roles, and on the given Redis under a key
 * prefix of its own.
 *
 * @param port the HTTP port
 * @param context the running application context
 * @param env the environment it was configured from
 * @param props the extra Micronaut properties it runs with
 */
record CloudStack(
    int port, ApplicationContext context, Map<String, String> env, Map<String, Object> props)
    implements TestStack {

  /**
   * Starts app-cloud on a fresh database and this run's Redis.
   *
   * @param extra extra Micronaut properties
   * @return the running stack
   */
  static CloudStack start(Map<String, Object> extra) {
    return start(extra, TestRedis.server().uri().toString());
  }

  /**
   * Starts app-cloud on a fresh database and the given Redis.
   *
   * @param extra extra Micronaut properties
   * @param redisUrl the Redis to use
   * @return the running stack
   */
  static CloudStack start(Map<String, Object> extra, String redisUrl) {
    return on(TestStorage.createRoles(TestPostgres.newDatabase()), ownPrefix(extra), redisUrl);
  }

  /**
   * Starts two app-cloud instances sharing one PostgreSQL database and one Redis key prefix, as a
   * horizontally scaled deployment does.
   *
   * @param extra extra Micronaut properties for both
   * @return the two stacks
   */
  static CloudStack[] twins(Map<String, Object> extra) {
    var roles = TestStorage.createRoles(TestPostgres.newDatabase());
    Map<String, Object> props = ownPrefix(extra);
    String redisUrl = TestRedis.server().uri().toString();
    CloudStack first = on(roles, props, redisUrl);
    return new CloudStack[] {first, on(roles, props, redisUrl)};
  }

  /**
   * Starts another app-cloud instance on the same database and Redis namespace as this one (a
   * second gateway or worker process).
   *
   * @param envOverrides environment to change, e.g. {@code AGENTLENS_ROLE}
   * @param extra extra Micronaut properties
   * @return the new instance
   */
  CloudStack peer(Map<String, String> envOverrides, Map<String, Object> extra) {
    int peerPort = FreePort.find();
    Map<String, String> peerEnv = new HashMap<>(env);
    peerEnv.putAll(envOverrides);
    peerEnv.put("AGENTLENS_PORT", Integer.toString(peerPort));
    Map<String, Object> peerProps = new HashMap<>(props);
    peerProps.putAll(extra);
    return new CloudStack(
        peerPort, CloudMain.start(CloudConfig.fromEnv(peerEnv), peerProps), peerEnv, peerProps);
  }

  @Override
  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }

  private static Map<String, Object> ownPrefix(Map<String, Object> extra) {
    Map<String, Object> props = new HashMap<>();
    // why: suites that do not test agent memory should not pay for the in-process model
    props.put("agentlens.embedding.provider", "none");
    props.put(
        "agentlens.redis.key-prefix",
        TestRedis.keyPrefix() + UUID.randomUUID().toString().substring(0, 8) + ":");
    props.putAll(extra);
    return props;
  }

  private static CloudStack on(
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
    return new CloudStack(port, CloudMain.start(CloudConfig.fromEnv(env), props), env, props);
  }
}
