package ai.agentlens.bench;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.postgres.PostgresConfig;
import ai.agentlens.testing.TestStorage.PostgresRoles;

/** The PostgreSQL provider settings the benchmarks open a test database with. */
public final class BenchPostgres {

  private BenchPostgres() {}

  /**
   * Returns the provider configuration for a database and its roles: the application role for work,
   * the owner role for migrations, as app-cloud connects.
   *
   * @param roles the database and roles
   * @param clock the clock
   * @return the configuration
   */
  public static PostgresConfig config(PostgresRoles roles, Clock clock) {
    return new PostgresConfig(
        roles.database().jdbcUrl(),
        roles.app(),
        roles.password(),
        roles.owner(),
        roles.password(),
        8,
        2,
        clock);
  }
}
