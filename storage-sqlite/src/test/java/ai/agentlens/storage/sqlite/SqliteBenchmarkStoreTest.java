package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.BenchmarkStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link BenchmarkStoreContract} on Sqlite. */
class SqliteBenchmarkStoreTest extends BenchmarkStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
