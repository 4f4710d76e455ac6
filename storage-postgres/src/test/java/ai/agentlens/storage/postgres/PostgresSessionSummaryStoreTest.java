package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.SessionSummaryStoreContract;

/** The test kit's {@link SessionSummaryStoreContract} on Postgres. */
class PostgresSessionSummaryStoreTest extends SessionSummaryStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
