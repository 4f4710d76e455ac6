package ai.agentlens.core.port.llm;

import java.time.Instant;
import java.util.List;

/**
 * A search of one org's LLM requests. Every filter is optional ({@code null}); all given filters
 * must hold.
 *
 * @param orgId the org (required)
 * @param phrases full-text phrases, each a list of lower-case words; every phrase must occur in the
 *     prompt or the response (empty: no text condition)
 * @param agentId exact agent
 * @param model exact model
 * @param provider exact provider
 * @param minRisk smallest risk score, inclusive
 * @param maxRisk largest risk score, inclusive
 * @param status exact status
 * @param from earliest start, inclusive
 * @param to latest start, exclusive
 * @param sort the order
 * @param descending whether the order is descending (ignored for relevance)
 * @param limit rows per page, 1–500
 * @param offset rows to skip, ≥ 0
 */
public record LlmRequestQuery(
    String orgId,
    List<List<String>> phrases,
    String agentId,
    String model,
    String provider,
    Integer minRisk,
    Integer maxRisk,
    LlmRequestStatus status,
    Instant from,
    Instant to,
    LlmRequestSort sort,
    boolean descending,
    int limit,
    int offset) {

  /** Copies the phrases and checks the paging. */
  public LlmRequestQuery {
    phrases = phrases.stream().map(List::copyOf).filter(p -> !p.isEmpty()).toList();
    if (limit < 1 || limit > 500 || offset < 0) {
      throw new IllegalArgumentException("limit must be 1-500 and offset >= 0");
    }
    if (sort == LlmRequestSort.RELEVANCE && phrases.isEmpty()) {
      sort = LlmRequestSort.TIME;
    }
  }

  /**
   * A query with no filters, newest first.
   *
   * @param orgId the org
   * @param limit rows per page
   * @return the query
   */
  public static LlmRequestQuery newest(String orgId, int limit) {
    return new LlmRequestQuery(
        orgId,
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        LlmRequestSort.TIME,
        true,
        limit,
        0);
  }

  /**
   * The same words, order and page with other filters ({@code null}: none).
   *
   * @param agentId exact agent
   * @param model exact model
   * @param provider exact provider
   * @param minRisk smallest risk score, inclusive
   * @param maxRisk largest risk score, inclusive
   * @param status exact status
   * @param from earliest start, inclusive
   * @param to latest start, exclusive
   * @return the query
   */
  public LlmRequestQuery filtered(
      String agentId,
      String model,
      String provider,
      Integer minRisk,
      Integer maxRisk,
      LlmRequestStatus status,
      Instant from,
      Instant to) {
    return new LlmRequestQuery(
        orgId,
        phrases,
        agentId,
        model,
        provider,
        minRisk,
        maxRisk,
        status,
        from,
        to,
        sort,
        descending,
        limit,
        offset);
  }

  /**
   * The same query, another page.
   *
   * @param limit rows per page, 1–500
   * @param offset rows skipped, &ge; 0
   * @return the query
   */
  public LlmRequestQuery page(int limit, int offset) {
    return new LlmRequestQuery(
        orgId,
        phrases,
        agentId,
        model,
        provider,
        minRisk,
        maxRisk,
        status,
        from,
        to,
        sort,
        descending,
        limit,
        offset);
  }
}
