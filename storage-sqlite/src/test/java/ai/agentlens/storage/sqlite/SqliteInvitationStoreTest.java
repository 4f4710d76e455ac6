package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.InvitationStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link InvitationStoreContract} on SQLite. */
class SqliteInvitationStoreTest extends InvitationStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
