package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.AuditVerificationContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link AuditVerificationContract} on PostgreSQL (tampering as the app role). */
class PostgresAuditVerificationTest extends AuditVerificationContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
