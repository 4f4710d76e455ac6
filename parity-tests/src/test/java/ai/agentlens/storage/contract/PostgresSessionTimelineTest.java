package ai.agentlens.storage.contract;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** {@link SessionTimelineContract} on PostgreSQL, tampering as the application role. */
class PostgresSessionTimelineTest extends SessionTimelineContract {
  @Override
  protected Backend backend() {
    return Backend.POSTGRES;
  }

  @Override
  protected void scope(Connection c, String org) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select set_config('app.current_org', ?, true)")) {
      ps.setString(1, org);
      ps.execute();
    }
  }
}
