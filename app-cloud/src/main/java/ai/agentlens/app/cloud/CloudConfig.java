package ai.agentlens.app.cloud;

import ai.agentlens.redis.RedisConnectionCheck;
import ai.agentlens.storage.postgres.PostgresUrl;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * Cloud settings, 12-factor: everything comes from {@code AGENTLENS_*} environment variables.
 *
 * @param database {@code AGENTLENS_DATABASE_URL} (required): the schema owner, who runs migrations
 * @param redis {@code AGENTLENS_REDIS_URL} (required)
 * @param port {@code AGENTLENS_PORT} (default 3400)
 * @param appUser {@code AGENTLENS_DATABASE_APP_USER} (default {@code agentlens_app}): the role the
 *     server queries as; owns nothing, not superuser, no BYPASSRLS, so Row-Level Security binds it
 * @param appPassword {@code AGENTLENS_DATABASE_APP_PASSWORD} (default empty)
 * @param role {@code AGENTLENS_ROLE}: {@code all} (default), {@code gateway}, {@code worker}, or
 *     {@code migrate} (migrate the schema as the owner, ensure the application role, exit), or
 *     {@code features} (the operator's per-org feature command in the arguments, then exit)
 * @param pgvector {@code AGENTLENS_PGVECTOR}: {@code on} (default: rank embeddings with pgvector
 *     when the database has it) or {@code off} (always rank in process)
 */
public record CloudConfig(
    PostgresUrl database,
    URI redis,
    int port,
    String appUser,
    String appPassword,
    String role,
    boolean pgvector) {

  /** The values {@code AGENTLENS_ROLE} accepts. */
  static final Set<String> ROLES = Set.of("all", "gateway", "worker", "migrate", "features");

  /**
   * Reads and validates the environment.
   *
   * @param env the process environment
   * @return the configuration
   * @throws IllegalArgumentException with a one-line message naming the variable at fault
   */
  public static CloudConfig fromEnv(Map<String, String> env) {
    String db =
        required(
            env,
            "AGENTLENS_DATABASE_URL",
            "PostgreSQL, e.g. postgres://user:pass@host:5432/agentlens");
    String redis = required(env, "AGENTLENS_REDIS_URL", "Redis, e.g. redis://host:6379");
    PostgresUrl database;
    try {
      database = PostgresUrl.parse(db);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("AGENTLENS_DATABASE_URL: " + e.getMessage());
    }
    URI redisUri;
    try {
      redisUri = RedisConnectionCheck.parse(redis);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("AGENTLENS_REDIS_URL: " + e.getMessage());
    }
    String rawPort = env.getOrDefault("AGENTLENS_PORT", "3400").trim();
    int port;
    try {
      port = Integer.parseInt(rawPort);
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "AGENTLENS_PORT must be a number between 0 and 65535 (got '" + rawPort + "')");
    }
    String appUser = env.getOrDefault("AGENTLENS_DATABASE_APP_USER", "agentlens_app").trim();
    if (!appUser.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException(
          "AGENTLENS_DATABASE_APP_USER must be a lower-case PostgreSQL identifier (got '"
              + appUser
              + "')");
    }
    String role = env.getOrDefault("AGENTLENS_ROLE", "all").trim();
    if (!ROLES.contains(role)) {
      throw new IllegalArgumentException(
          "AGENTLENS_ROLE must be all, gateway, worker, migrate or features (got '" + role + "')");
    }
    String pgvector = env.getOrDefault("AGENTLENS_PGVECTOR", "on").trim();
    if (!pgvector.equals("on") && !pgvector.equals("off")) {
      throw new IllegalArgumentException(
          "AGENTLENS_PGVECTOR must be on or off (got '" + pgvector + "')");
    }
    return new CloudConfig(
        database,
        redisUri,
        port,
        appUser,
        env.getOrDefault("AGENTLENS_DATABASE_APP_PASSWORD", ""),
        role,
        pgvector.equals("on"));
  }

  private static String required(Map<String, String> env, String name, String what) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is not set (" + what + ")");
    }
    return value;
  }
}
