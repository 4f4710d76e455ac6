package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.BillingStateStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link BillingStateStoreContract} on Postgres. */
class PostgresBillingStateStoreTest extends BillingStateStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
