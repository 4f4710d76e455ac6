package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.AuditVerificationContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link AuditVerificationContract} on SQLite. */
class SqliteAuditVerificationTest extends AuditVerificationContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
