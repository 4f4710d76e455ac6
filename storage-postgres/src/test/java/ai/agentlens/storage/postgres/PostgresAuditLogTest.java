package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.AuditLogContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link AuditLogContract} on PostgreSQL. */
class PostgresAuditLogTest extends AuditLogContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
