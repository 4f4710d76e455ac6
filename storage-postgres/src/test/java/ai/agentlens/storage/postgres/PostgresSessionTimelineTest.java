package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.SessionTimelineContract;

/**
 * The test kit's {@link SessionTimelineContract} on PostgreSQL (tampering as the application role).
 */
class PostgresSessionTimelineTest extends SessionTimelineContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
