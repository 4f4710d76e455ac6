package ai.agentlens.storage.contract;

/** {@link AuditQueryContract} on SQLite. */
class SqliteAuditQueryTest extends AuditQueryContract {
  @Override
  protected Backend backend() {
    return Backend.SQLITE;
  }
}
