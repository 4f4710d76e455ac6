package ai.agentlens.core.port.storage;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Hard deletion of data past an org's retention window (issue 15, FR-67..69), used by the purge
 * job. Every deleting method works in short transactions of bounded size, so concurrent appends
 * (ingestion) never wait long and lose nothing: an event at or after the cutoff is never deleted.
 * Idempotent: calling again with the same cutoff deletes nothing more. Thread-safe, but meant for
 * one runner at a time (the job holds a {@link JobLeases} lease). Errors: {@link
 * ai.agentlens.core.error.StorageUnavailableException} only.
 */
public interface RetentionPurge {

  /**
   * Lists every org id, without a tenant scope.
   *
   * @return the ids, in ascending order
   */
  List<String> orgIds();

  /**
   * Deletes at most {@code batchSize} of the org's oldest events with {@code ts < cutoff}, in one
   * short transaction, and records, for each session touched, the sequence of its first kept event
   * (the highest deleted sequence + 1, never lowered), so the session's hash chain stays verifiable
   * from there. Never deletes an event with {@code ts >= cutoff} or another org's event.
   *
   * @param orgId the org
   * @param cutoff events strictly before this instant go
   * @param batchSize the most events deleted by this call, &gt; 0
   * @return the number deleted; 0 when nothing before the cutoff is left
   */
  int purgeEvents(String orgId, Instant cutoff, int batchSize);

  /**
   * Deletes the org's rows derived from events before the cutoff: sessions that no longer have any
   * event and whose last event was before {@code cutoff} (with their purge points), agents left
   * without sessions and last seen before {@code cutoff}, embeddings (agent memory) whose source
   * happened before {@code cutoff}, roll-up rows (hourly and daily) whose bucket starts before
   * {@code cutoff}, and usage records whose hour starts before {@code usageCutoff}. Pass a cutoff
   * at a UTC day start so daily roll-ups are exact.
   *
   * @param orgId the org
   * @param cutoff the events' cutoff
   * @param usageCutoff usage records before this hour go (kept longer for billing)
   * @return the number of rows deleted
   */
  long purgeDerived(String orgId, Instant cutoff, Instant usageCutoff);

  /**
   * Deletes at most {@code batchSize} of the org's oldest audit entries that occurred before {@code
   * cutoff}, in one short transaction: the only way an audit entry is ever deleted (the log is
   * append-only otherwise, PC-18), for audit-log retention per plan (PC-16). Never deletes an entry
   * at or after the cutoff or another org's entry. A backend may refuse a cutoff less than 90 days
   * before its own clock (PC-16's minimum) with {@link
   * ai.agentlens.core.error.StorageUnavailableException}.
   *
   * @param orgId the org
   * @param cutoff entries strictly before this instant go
   * @param batchSize the most entries deleted by this call, &gt; 0
   * @return the number deleted; 0 when none before the cutoff is left
   */
  int purgeAudit(String orgId, Instant cutoff, int batchSize);

  /**
   * Returns the sequence of the first kept event of a session whose older events were purged.
   *
   * @param orgId the org
   * @param sessionId the session
   * @return the first kept sequence; empty when nothing of the session was purged
   */
  OptionalLong purgePoint(String orgId, String sessionId);

  /**
   * Detaches and drops whole event partitions that end at or before {@code cutoff} (every org's
   * cutoff must be past it: the caller passes the earliest). A backend without partitions does
   * nothing.
   *
   * @param cutoff the earliest cutoff of every org
   * @return partitions dropped; 0 on a backend without partitions
   */
  int dropPartitionsBefore(Instant cutoff);

  /**
   * Gives the space of deleted rows back to the file system where the database does not do it by
   * itself (SQLite: incremental vacuum); elsewhere does nothing.
   *
   * @return database pages freed; 0 where nothing is done
   */
  long reclaimSpace();
}
