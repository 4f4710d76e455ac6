package ai.agentlens.core.port.alerting;

import ai.agentlens.core.health.snapshot.HealthSnapshot;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Daily health snapshots per (org, agent, UTC date). Tenant-scoped: every method takes the org and
 * never sees another org's rows. Errors: {@link ai.agentlens.core.error.StorageException}
 * subclasses only.
 */
public interface HealthSnapshotStore {

  /**
   * Stores a snapshot unless one exists for the same (org, agent, date). Idempotent: a second call
   * for the same key writes nothing and keeps the first snapshot; safe under concurrent callers
   * (exactly one of them writes).
   *
   * @param orgId the org (must exist)
   * @param snapshot the snapshot
   * @return {@code true} when this call wrote it, {@code false} when one already existed
   * @throws ai.agentlens.core.error.NotFoundException when the org does not exist
   */
  boolean saveIfAbsent(String orgId, HealthSnapshot snapshot);

  /**
   * Returns the agents that already have a snapshot on a date.
   *
   * @param orgId the org; {@code null} or blank gives an empty set
   * @param date the UTC day
   * @return their agent ids
   */
  Set<String> agentsOn(String orgId, LocalDate date);

  /**
   * Returns one agent's snapshots between two dates, both inclusive, ascending by date.
   *
   * @param orgId the org; {@code null} or blank gives an empty list
   * @param agentId the agent
   * @param from first day
   * @param to last day
   * @return at most one snapshot per day, oldest first
   */
  List<HealthSnapshot> history(String orgId, String agentId, LocalDate from, LocalDate to);
}
