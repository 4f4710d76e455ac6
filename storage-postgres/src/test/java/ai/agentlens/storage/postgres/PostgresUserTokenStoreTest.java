package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.UserTokenStoreContract;

/** The test kit's {@link UserTokenStoreContract} on PostgreSQL. */
class PostgresUserTokenStoreTest extends UserTokenStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
