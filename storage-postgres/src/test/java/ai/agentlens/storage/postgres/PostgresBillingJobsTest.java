package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.BillingJobsContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link BillingJobsContract} on Postgres. */
class PostgresBillingJobsTest extends BillingJobsContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
