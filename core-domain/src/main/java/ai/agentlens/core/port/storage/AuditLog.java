package ai.agentlens.core.port.storage;

import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditQuery;
import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.error.InvalidInputException;
import java.time.Instant;
import java.util.List;

/**
 * Each org's append-only audit log (PC-14, PC-15). The database itself refuses UPDATE and DELETE of
 * entries; the single exception is {@link #anonymizeActor}, the audited path account deletion
 * requires (FR-72).
 *
 * <p>Thread-safe; every method is one transaction. Errors: {@link InvalidInputException} for bad
 * fields (details not a JSON object, too-long action), {@link ConflictException} for a taken id.
 */
public interface AuditLog {

  /**
   * Appends an entry to its org's log.
   *
   * @param entry the entry
   */
  void append(AuditEntry entry);

  /**
   * Lists an org's entries matching a query, newest first (ties by id descending). The store
   * filters (in its query, never by loading and discarding), so a page holds up to {@code
   * query.limit()} matches however many entries do not match. Paging with {@link AuditQuery#after}
   * visits every match exactly once, even when entries share a time. No org (null or blank) gives
   * no entries.
   *
   * @param orgId the org
   * @param query filters, cursor and page size
   * @return one page of entries
   */
  List<AuditEntry> query(String orgId, AuditQuery query);

  /**
   * Lists an org's entries, newest first (ties by id descending); same as {@link #query} with only
   * an upper time bound.
   *
   * @param orgId the org
   * @param before only entries strictly before this time, or {@code null}
   * @param limit at most this many, clamped to 1..1000
   * @return the entries
   */
  default List<AuditEntry> list(String orgId, Instant before, int limit) {
    return query(
        orgId,
        AuditQuery.newest(Math.max(1, Math.min(AuditQuery.MAX_LIMIT, limit)))
            .between(null, before));
  }

  /**
   * Anonymizes a deleted user's entries in every org (FR-72): where the user is the actor or the
   * target, the id becomes {@code "anonymized"} and the IP address is cleared; nothing else
   * changes. In each org where entries changed, one {@code audit.actor_anonymized} entry (actor
   * {@code SYSTEM}, count in its details) is appended in the same transaction. Idempotent: a second
   * call changes nothing and appends nothing.
   *
   * @param userId the deleted user
   * @param at time of the anonymization
   * @return the number of entries anonymized
   */
  int anonymizeActor(String userId, Instant at);
}
