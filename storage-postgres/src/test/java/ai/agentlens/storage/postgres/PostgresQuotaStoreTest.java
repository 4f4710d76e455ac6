package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.QuotaStoreContract;

/** The test kit's {@link QuotaStoreContract} on Postgres. */
class PostgresQuotaStoreTest extends QuotaStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
