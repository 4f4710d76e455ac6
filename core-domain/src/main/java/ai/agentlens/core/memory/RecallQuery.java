package ai.agentlens.core.memory;

import java.time.Instant;

/**
 * A recall (reference §4.3.7, {@code GET /api/recall}).
 *
 * @param query the text searched for, not blank
 * @param scope what is searched
 * @param agentId only this agent's embeddings, or {@code null}
 * @param from only sources at or after this instant, or {@code null}
 * @param to only sources at or before this instant, or {@code null}
 * @param limit how many results at most, {@value #MIN_LIMIT}..{@value #MAX_LIMIT}
 * @param minScore the lowest similarity answered, 0..1
 */
public record RecallQuery(
    String query,
    RecallScope scope,
    String agentId,
    Instant from,
    Instant to,
    int limit,
    double minScore) {

  /** Default number of results. */
  public static final int DEFAULT_LIMIT = 10;

  /** Fewest results asked for. */
  public static final int MIN_LIMIT = 1;

  /** Most results asked for. */
  public static final int MAX_LIMIT = 100;

  /** The most of an org's newest matching embeddings a recall ranks (as the reference does). */
  public static final int CANDIDATES = 10_000;

  /**
   * Checks the bounds.
   *
   * @throws IllegalArgumentException when a value is out of range
   */
  public RecallQuery {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("query is required");
    }
    if (scope == null) {
      throw new IllegalArgumentException("scope is required");
    }
    if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1..100");
    }
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new IllegalArgumentException("minScore must be 0..1");
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("from must not be after to");
    }
  }

  /**
   * A query with the defaults: every scope, no filter, 10 results, any score.
   *
   * @param query the text
   * @return the query
   */
  public static RecallQuery of(String query) {
    return new RecallQuery(query, RecallScope.ALL, null, null, null, DEFAULT_LIMIT, 0);
  }
}
