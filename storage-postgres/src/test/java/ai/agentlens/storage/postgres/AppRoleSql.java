package ai.agentlens.storage.postgres;

import ai.agentlens.storage.contract.RawDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Raw SQL as the application role, for the tests that prove isolation in the database itself. */
final class AppRoleSql {

  private AppRoleSql() {}

  /**
   * Opens a connection as the application role, in a transaction scoped to an org.
   *
   * @param raw the backend's raw access
   * @param org the org, or {@code null} for no tenant at all
   * @return the connection; close it
   * @throws SQLException from the driver
   */
  static Connection app(RawDatabase raw, String org) throws SQLException {
    Connection c = raw.connect();
    c.setAutoCommit(false);
    if (org != null) {
      raw.scopeToOrg(c, org);
    }
    return c;
  }

  /**
   * Runs a query and returns its first column as text.
   *
   * @param c the connection
   * @param sql the query
   * @return the values, in the query's order
   * @throws SQLException from the driver
   */
  static List<String> column(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
