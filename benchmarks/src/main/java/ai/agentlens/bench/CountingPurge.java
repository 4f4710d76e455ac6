package ai.agentlens.bench;

import ai.agentlens.core.port.storage.RetentionPurge;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link RetentionPurge} that counts the events it deleted, readable while a purge runs. */
final class CountingPurge implements RetentionPurge {

  private final RetentionPurge purge;
  private final AtomicLong events = new AtomicLong();

  CountingPurge(RetentionPurge purge) {
    this.purge = purge;
  }

  long events() {
    return events.get();
  }

  @Override
  public List<String> orgIds() {
    return purge.orgIds();
  }

  @Override
  public int purgeEvents(String orgId, Instant cutoff, int batchSize) {
    int n = purge.purgeEvents(orgId, cutoff, batchSize);
    events.addAndGet(n);
    return n;
  }

  @Override
  public long purgeDerived(String orgId, Instant cutoff, Instant usageCutoff) {
    return purge.purgeDerived(orgId, cutoff, usageCutoff);
  }

  @Override
  public int purgeAudit(String orgId, Instant cutoff, int batchSize) {
    return purge.purgeAudit(orgId, cutoff, batchSize);
  }

  @Override
  public OptionalLong purgePoint(String orgId, String sessionId) {
    return purge.purgePoint(orgId, sessionId);
  }

  @Override
  public int dropPartitionsBefore(Instant cutoff) {
    return purge.dropPartitionsBefore(cutoff);
  }

  @Override
  public long reclaimSpace() {
    return purge.reclaimSpace();
  }
}
