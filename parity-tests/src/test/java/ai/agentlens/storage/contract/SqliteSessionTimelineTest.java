package ai.agentlens.storage.contract;

import java.sql.Connection;

/** {@link SessionTimelineContract} on SQLite (no tenant setting: queries filter by org). */
class SqliteSessionTimelineTest extends SessionTimelineContract {
  @Override
  protected Backend backend() {
    return Backend.SQLITE;
  }

  @Override
  protected void scope(Connection c, String org) {
    // why: SQLite has no row-level security; the UPDATE itself filters by org
  }
}
