package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.LlmLogInboxContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link LlmLogInboxContract} on PostgreSQL (orgs found through RLS). */
class PostgresLlmLogInboxTest extends LlmLogInboxContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
