package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.MembershipStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link MembershipStoreContract} on SQLite. */
class SqliteMembershipStoreTest extends MembershipStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
