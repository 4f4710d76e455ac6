package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.FeatureOverrideStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link FeatureOverrideStoreContract} on SQLite. */
class SqliteFeatureOverrideStoreTest extends FeatureOverrideStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
