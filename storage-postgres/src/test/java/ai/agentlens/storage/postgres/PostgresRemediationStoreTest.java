package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.RemediationStoreContract;

/** The test kit's {@link RemediationStoreContract} on Postgres. */
class PostgresRemediationStoreTest extends RemediationStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
