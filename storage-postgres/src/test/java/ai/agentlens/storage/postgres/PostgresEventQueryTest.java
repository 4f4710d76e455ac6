package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.EventQueryContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link EventQueryContract} on PostgreSQL. */
class PostgresEventQueryTest extends EventQueryContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
