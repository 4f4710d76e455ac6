package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.FeatureOverrideStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link FeatureOverrideStoreContract} on PostgreSQL. */
class PostgresFeatureOverrideStoreTest extends FeatureOverrideStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
