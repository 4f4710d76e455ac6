package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.ReflectReadsContract;

/** The test kit's {@link ReflectReadsContract} on Postgres. */
class PostgresReflectReadsTest extends ReflectReadsContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
