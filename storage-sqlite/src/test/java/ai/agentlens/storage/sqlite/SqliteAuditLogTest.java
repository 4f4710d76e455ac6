package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.AuditLogContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link AuditLogContract} on SQLite. */
class SqliteAuditLogTest extends AuditLogContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
