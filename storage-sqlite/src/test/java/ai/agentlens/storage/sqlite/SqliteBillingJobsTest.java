package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.BillingJobsContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link BillingJobsContract} on Sqlite. */
class SqliteBillingJobsTest extends BillingJobsContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
