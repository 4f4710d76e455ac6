package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.IncidentStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link IncidentStoreContract} on Postgres. */
class PostgresIncidentStoreTest extends IncidentStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
