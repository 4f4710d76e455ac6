package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.BenchmarkStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link BenchmarkStoreContract} on Postgres. */
class PostgresBenchmarkStoreTest extends BenchmarkStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
