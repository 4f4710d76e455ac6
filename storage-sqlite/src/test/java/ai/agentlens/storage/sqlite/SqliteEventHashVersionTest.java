package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.EventHashVersionContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link EventHashVersionContract} on Sqlite. */
class SqliteEventHashVersionTest extends EventHashVersionContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
