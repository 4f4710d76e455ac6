package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.EventQueryContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link EventQueryContract} on SQLite. */
class SqliteEventQueryTest extends EventQueryContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
