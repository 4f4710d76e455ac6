package ai.agentlens.core.memory;

import java.util.List;

/**
 * What a recall answers.
 *
 * @param query the query text as asked
 * @param results the hits, best first
 * @param deprecatedScope {@code true} when the scope is {@link RecallScope#LESSONS} (always empty)
 */
public record RecallResult(String query, List<RecallHit> results, boolean deprecatedScope) {

  /** Copies the hits. */
  public RecallResult {
    results = List.copyOf(results);
  }

  /**
   * Returns how many hits there are.
   *
   * @return the count
   */
  public int totalResults() {
    return results.size();
  }
}
