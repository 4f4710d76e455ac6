package ai.agentlens.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database created for this test run only, dropped when the JVM exits.
 *
 * @param server the server it lives on
 * @param name its unique name
 */
public record TestDatabase(PostgresServer server, String name) {

  /**
   * Returns its JDBC URL (no credentials).
   *
   * @return the URL
   */
  public String jdbcUrl() {
    return server.jdbcUrl(name);
  }

  /**
   * Returns a {@code postgres://} URL with the admin credentials, as {@code AGENTLENS_DATABASE_URL}
   * would carry it.
   *
   * @return the URL
   */
  public String url() {
    String password = server.adminPassword().isEmpty() ? "" : ":" + server.adminPassword();
    return "postgres://"
        + server.adminUser()
        + password
        + "@"
        + server.host()
        + ":"
        + server.port()
        + "/"
        + name;
  }

  /**
   * Opens a connection as the admin role.
   *
   * @return a new connection; the caller closes it
   * @throws SQLException when the server refuses
   */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), server.adminUser(), server.adminPassword());
  }
}
