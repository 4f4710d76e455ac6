package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.EventHashVersionContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link EventHashVersionContract} on PostgreSQL. */
class PostgresEventHashVersionTest extends EventHashVersionContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
