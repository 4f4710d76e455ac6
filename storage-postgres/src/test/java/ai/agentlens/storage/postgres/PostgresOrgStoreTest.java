package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.OrgStoreContract;

/** The test kit's {@link OrgStoreContract} on PostgreSQL. */
class PostgresOrgStoreTest extends OrgStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
