package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.SessionTimelineContract;

/** The test kit's {@link SessionTimelineContract} on SQLite. */
class SqliteSessionTimelineTest extends SessionTimelineContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
