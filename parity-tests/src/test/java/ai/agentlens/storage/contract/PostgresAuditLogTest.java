package ai.agentlens.storage.contract;

/** {@link AuditLogContract} on Postgres. */
class PostgresAuditLogTest extends AuditLogContract {
  @Override
  protected Backend backend() {
    return Backend.POSTGRES;
  }
}
