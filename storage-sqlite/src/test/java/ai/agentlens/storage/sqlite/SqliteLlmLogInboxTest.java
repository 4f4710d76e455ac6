package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.LlmLogInboxContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link LlmLogInboxContract} on SQLite. */
class SqliteLlmLogInboxTest extends LlmLogInboxContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
