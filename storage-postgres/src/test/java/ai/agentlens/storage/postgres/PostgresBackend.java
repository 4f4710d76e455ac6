package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.RawDatabase;
import ai.agentlens.testing.TestStorage;
import ai.agentlens.testing.TestStorage.PostgresRoles;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * How this module's contract subclasses open PostgreSQL: this run's storage database, migrated by
 * its owner role, used through its application role (no superuser, no BYPASSRLS), as app-cloud
 * connects.
 */
final class PostgresBackend {

  private PostgresBackend() {}

  /**
   * Opens a provider on this run's storage database (migrated on first use).
   *
   * @param clock the clock
   * @return the provider and raw JDBC access as the application role
   */
  static OpenedBackend open(Clock clock) {
    return open(TestStorage.postgresRoles(), clock);
  }

  /**
   * Opens a provider on a given database and roles (migrated on first use).
   *
   * @param roles the database and roles
   * @param clock the clock
   * @return the provider and raw JDBC access as the application role
   */
  static OpenedBackend open(PostgresRoles roles, Clock clock) {
    return new OpenedBackend(PostgresStorageProvider.open(config(roles, clock)), new Raw(roles));
  }

  /**
   * Returns the provider configuration for a database and its roles.
   *
   * @param roles the database and roles
   * @param clock the clock
   * @return the configuration
   */
  static PostgresConfig config(PostgresRoles roles, Clock clock) {
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

  /** The application role; the tenant is the transaction-local setting RLS policies read. */
  private record Raw(PostgresRoles roles) implements RawDatabase {

    @Override
    public Connection connect() throws SQLException {
      return roles.connectAsApp();
    }

    @Override
    public void scopeToOrg(Connection connection, String orgId) throws SQLException {
      try (PreparedStatement ps =
          connection.prepareStatement("select set_config('app.current_org', ?, true)")) {
        ps.setString(1, orgId);
        ps.execute();
      }
    }
  }
}
