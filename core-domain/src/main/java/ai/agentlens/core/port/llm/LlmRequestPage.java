package ai.agentlens.core.port.llm;

import java.util.List;

/**
 * One page of a search.
 *
 * @param items the rows, in the query's order
 * @param hasMore whether rows follow this page
 */
public record LlmRequestPage(List<LlmRequest> items, boolean hasMore) {

  /** Copies the rows. */
  public LlmRequestPage {
    items = List.copyOf(items);
  }
}
