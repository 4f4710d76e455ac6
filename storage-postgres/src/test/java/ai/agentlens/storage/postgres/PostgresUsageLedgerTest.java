package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.UsageLedgerContract;

/** The test kit's {@link UsageLedgerContract} on PostgreSQL. */
class PostgresUsageLedgerTest extends UsageLedgerContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
