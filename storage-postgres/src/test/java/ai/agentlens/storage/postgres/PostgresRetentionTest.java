package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.RetentionContract;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The test kit's {@link RetentionContract} on PostgreSQL (with the partition drop). */
class PostgresRetentionTest extends RetentionContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }

  @Override
  protected Object bindable(Object a) {
    return a instanceof Instant t ? OffsetDateTime.ofInstant(t, ZoneOffset.UTC) : a;
  }
}
