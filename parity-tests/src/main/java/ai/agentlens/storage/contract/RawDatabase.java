package ai.agentlens.storage.contract;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Raw JDBC access to a backend's database as the application's own database user, with no store in
 * between: what suites use to prove what the database itself refuses. Each backend module supplies
 * one with its subclasses, so the suites never ask which backend they run on.
 */
public interface RawDatabase {

  /**
   * Opens a connection as the application connects.
   *
   * @return a new connection; the caller closes it
   * @throws SQLException when the database refuses
   */
  Connection connect() throws SQLException;

  /**
   * Scopes the connection's current transaction to one org, as the backend's provider does before
   * each unit of work. A backend whose database does not scope tenants itself does nothing.
   *
   * @param connection a connection from {@link #connect()}, not in auto-commit mode
   * @param orgId the org
   * @throws SQLException when the database refuses
   */
  void scopeToOrg(Connection connection, String orgId) throws SQLException;
}
