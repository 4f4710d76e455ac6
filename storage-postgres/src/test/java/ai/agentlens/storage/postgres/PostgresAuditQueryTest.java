package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.AuditQueryContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link AuditQueryContract} on PostgreSQL. */
class PostgresAuditQueryTest extends AuditQueryContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
