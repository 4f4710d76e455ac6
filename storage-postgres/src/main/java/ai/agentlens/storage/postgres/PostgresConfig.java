package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import java.util.Objects;

/**
 * How to reach PostgreSQL: one database, two roles.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host:port/db}
 * @param appUser the application role: owns nothing, not superuser, no BYPASSRLS
 * @param appPassword its password (may be empty)
 * @param ownerUser the role that owns the schema and runs migrations
 * @param ownerPassword its password (may be empty)
 * @param poolSize application connections in the pool
 * @param monthsAhead event partitions created ahead of the current month at start-up
 * @param clock time source for usage hours and partition planning
 * @param pgvector whether embeddings may be ranked by pgvector when the database has it (see {@link
 *     PgvectorSchema}); {@code false} drops the {@code vec} column and ranks in process
 */
public record PostgresConfig(
    String jdbcUrl,
    String appUser,
    String appPassword,
    String ownerUser,
    String ownerPassword,
    int poolSize,
    int monthsAhead,
    Clock clock,
    boolean pgvector) {

  /** Rejects missing fields. */
  public PostgresConfig {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(appUser, "appUser");
    Objects.requireNonNull(ownerUser, "ownerUser");
    Objects.requireNonNull(clock, "clock");
    appPassword = appPassword == null ? "" : appPassword;
    ownerPassword = ownerPassword == null ? "" : ownerPassword;
    if (appUser.equals(ownerUser)) {
      throw new IllegalArgumentException("the application role must not be the owner role");
    }
    if (poolSize < 1 || monthsAhead < 0) {
      throw new IllegalArgumentException("poolSize must be >= 1 and monthsAhead >= 0");
    }
  }

  /**
   * The configuration with pgvector used when the database has it.
   *
   * @param jdbcUrl {@code jdbc:postgresql://host:port/db}
   * @param appUser the application role
   * @param appPassword its password
   * @param ownerUser the schema owner role
   * @param ownerPassword its password
   * @param poolSize application connections in the pool
   * @param monthsAhead event partitions created ahead
   * @param clock time source
   */
  public PostgresConfig(
      String jdbcUrl,
      String appUser,
      String appPassword,
      String ownerUser,
      String ownerPassword,
      int poolSize,
      int monthsAhead,
      Clock clock) {
    this(
        jdbcUrl,
        appUser,
        appPassword,
        ownerUser,
        ownerPassword,
        poolSize,
        monthsAhead,
        clock,
        true);
  }

  /**
   * This configuration with pgvector allowed or not.
   *
   * @param allowed whether pgvector may be used
   * @return the changed copy
   */
  public PostgresConfig withPgvector(boolean allowed) {
    return new PostgresConfig(
        jdbcUrl,
        appUser,
        appPassword,
        ownerUser,
        ownerPassword,
        poolSize,
        monthsAhead,
        clock,
        allowed);
  }
}
