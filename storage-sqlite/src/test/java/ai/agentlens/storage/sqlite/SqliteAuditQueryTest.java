package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.AuditQueryContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link AuditQueryContract} on SQLite. */
class SqliteAuditQueryTest extends AuditQueryContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
