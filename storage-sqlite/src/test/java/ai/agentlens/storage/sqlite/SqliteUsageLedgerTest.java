package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.UsageLedgerContract;

/** The test kit's {@link UsageLedgerContract} on SQLite. */
class SqliteUsageLedgerTest extends UsageLedgerContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
