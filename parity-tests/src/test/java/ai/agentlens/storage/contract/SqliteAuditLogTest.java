package ai.agentlens.storage.contract;

/** {@link AuditLogContract} on Sqlite. */
class SqliteAuditLogTest extends AuditLogContract {
  @Override
  protected Backend backend() {
    return Backend.SQLITE;
  }
}
