package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.InvitationStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link InvitationStoreContract} on PostgreSQL. */
class PostgresInvitationStoreTest extends InvitationStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
