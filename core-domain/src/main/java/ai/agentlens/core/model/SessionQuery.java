package ai.agentlens.core.model;

/**
 * Filters and page of a session listing, ordered by {@code startedAt} descending, then id.
 *
 * @param agentId only this agent's sessions, or {@code null}
 * @param limit page size, 1..500
 * @param offset rows skipped, &ge; 0
 */
public record SessionQuery(String agentId, int limit, int offset) {

  /** Clamps the page to the allowed range. */
  public SessionQuery {
    limit = Math.max(1, Math.min(EventQuery.MAX_LIMIT, limit));
    offset = Math.max(0, offset);
  }
}
