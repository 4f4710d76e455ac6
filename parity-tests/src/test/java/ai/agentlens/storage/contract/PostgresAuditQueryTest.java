package ai.agentlens.storage.contract;

/** {@link AuditQueryContract} on PostgreSQL. */
class PostgresAuditQueryTest extends AuditQueryContract {
  @Override
  protected Backend backend() {
    return Backend.POSTGRES;
  }
}
