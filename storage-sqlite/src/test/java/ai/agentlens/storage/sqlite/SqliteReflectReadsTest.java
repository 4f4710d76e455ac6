package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.ReflectReadsContract;

/** The test kit's {@link ReflectReadsContract} on Sqlite. */
class SqliteReflectReadsTest extends ReflectReadsContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
