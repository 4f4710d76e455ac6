package ai.agentlens.core.memory.model;

import java.time.Instant;
import java.util.List;

/**
 * A text search over an org's session summaries.
 *
 * @param orgId the org
 * @param terms lower-case terms; a summary matches when it contains at least one (1..{@link
 *     #MAX_TERMS})
 * @param agentId only this agent's sessions, or {@code null}
 * @param userId only sessions of this user id, or {@code null}
 * @param from only sessions started at or after, or {@code null}
 * @param to only sessions started before, or {@code null}
 * @param limit at most this many (1..100)
 */
public record SummarySearch(
    String orgId,
    List<String> terms,
    String agentId,
    String userId,
    Instant from,
    Instant to,
    int limit) {

  /** Most terms a search uses. */
  public static final int MAX_TERMS = 10;

  /** Copies and caps the terms, clamps the limit. */
  public SummarySearch {
    terms = List.copyOf(terms.subList(0, Math.min(MAX_TERMS, terms.size())));
    limit = Math.max(1, Math.min(100, limit));
  }
}
