package ai.agentlens.core.account.model;

import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.event.Times;
import java.time.Instant;
import java.util.Objects;

/**
 * Filters and page of an audit log read; {@code null} filters match everything. Results are ordered
 * newest first: {@code occurredAt} descending, then id descending. Text filters are matched by the
 * store, case-insensitively for the {@code *Contains} ones (letters outside ASCII may compare
 * case-sensitively on SQLite).
 *
 * @param actionContains entries whose action contains this text, or {@code null}
 * @param actorContains entries whose actor id contains this text, or {@code null}
 * @param actorId entries whose actor id is exactly this, or {@code null}
 * @param targetType entries acting on this kind of resource (exact), or {@code null}
 * @param targetId entries acting on this resource id (exact), or {@code null}
 * @param result entries with this outcome, or {@code null}
 * @param from entries at or after this time, or {@code null}
 * @param to entries strictly before this time, or {@code null}
 * @param after keyset cursor: only entries that come after this one in the order, or {@code null}
 *     for the first page
 * @param limit page size, 1..{@value #MAX_LIMIT}
 */
public record AuditQuery(
    String actionContains,
    String actorContains,
    String actorId,
    String targetType,
    String targetId,
    AuditResult result,
    Instant from,
    Instant to,
    Cursor after,
    int limit) {

  /** Largest page a store returns. */
  public static final int MAX_LIMIT = 1000;

  /**
   * A position in the newest-first order: the last entry of the previous page.
   *
   * @param occurredAt that entry's time
   * @param id that entry's id
   */
  public record Cursor(Instant occurredAt, String id) {

    /** Rejects missing parts. */
    public Cursor {
      Objects.requireNonNull(occurredAt, "occurredAt");
      Objects.requireNonNull(id, "id");
      occurredAt = Times.micros(occurredAt);
    }

    /**
     * Returns the cursor just past an entry.
     *
     * @param last the last entry read
     * @return the cursor
     */
    public static Cursor of(AuditEntry last) {
      return new Cursor(last.occurredAt(), last.id());
    }
  }

  /**
   * Checks the page size; empty texts (and blank {@code *Contains} ones) mean "no filter".
   *
   * @throws InvalidInputException when the limit is out of range
   */
  public AuditQuery {
    actionContains = blankToNull(actionContains);
    actorContains = blankToNull(actorContains);
    actorId = actorId == null || actorId.isEmpty() ? null : actorId;
    targetType = targetType == null || targetType.isEmpty() ? null : targetType;
    targetId = targetId == null || targetId.isEmpty() ? null : targetId;
    from = Times.micros(from);
    to = Times.micros(to);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit: 1.." + MAX_LIMIT);
    }
  }

  /**
   * Returns the newest entries without any filter.
   *
   * @param limit page size, 1..{@value #MAX_LIMIT}
   * @return the query
   * @throws InvalidInputException when the limit is out of range
   */
  public static AuditQuery newest(int limit) {
    return new AuditQuery(null, null, null, null, null, null, null, null, null, limit);
  }

  /**
   * Returns a copy restricted to a time range.
   *
   * @param rangeFrom inclusive start, or {@code null}
   * @param rangeTo exclusive end, or {@code null}
   * @return the copy
   */
  public AuditQuery between(Instant rangeFrom, Instant rangeTo) {
    return new AuditQuery(
        actionContains,
        actorContains,
        actorId,
        targetType,
        targetId,
        result,
        rangeFrom,
        rangeTo,
        after,
        limit);
  }

  /**
   * Returns a copy restricted to one actor id (exact).
   *
   * @param actor the actor id
   * @return the copy
   */
  public AuditQuery byActor(String actor) {
    return new AuditQuery(
        actionContains, actorContains, actor, targetType, targetId, result, from, to, after, limit);
  }

  /**
   * Returns the next page: the same filters after the given entry.
   *
   * @param last the last entry of the current page
   * @return the copy
   */
  public AuditQuery after(AuditEntry last) {
    return new AuditQuery(
        actionContains,
        actorContains,
        actorId,
        targetType,
        targetId,
        result,
        from,
        to,
        Cursor.of(last),
        limit);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
