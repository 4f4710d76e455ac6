package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.RootCauseStoreContract;

/** The test kit's {@link RootCauseStoreContract} on Postgres. */
class PostgresRootCauseStoreTest extends RootCauseStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
