package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.MembershipStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link MembershipStoreContract} on PostgreSQL. */
class PostgresMembershipStoreTest extends MembershipStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
