package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.LoginSessionStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link LoginSessionStoreContract} on PostgreSQL. */
class PostgresLoginSessionStoreTest extends LoginSessionStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
