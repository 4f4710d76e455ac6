package ai.agentlens.storage.spi.jdbc;

import java.util.List;
import java.util.Optional;

/**
 * A backend's full-text piece of the LLM request search (table {@code llm_requests}, aliased {@code
 * r}): how to join its index, test a match and rank. The phrases are lower-case runs of letters and
 * digits ({@link ai.agentlens.core.llm.SearchText}), so they hold nothing the backend's query
 * language would read as an operator; they are still bound as parameters.
 */
public interface LlmFullText {

  /**
   * A match: SQL fragments with their arguments in the order the fragments appear.
   *
   * @param join joined after {@code from llm_requests r} (may be empty)
   * @param where a condition true for matching rows
   * @param whereArgs its arguments
   * @param rank an expression whose ascending order puts the best match first
   * @param rankArgs its arguments
   */
  record Match(
      String join, String where, List<Object> whereArgs, String rank, List<Object> rankArgs) {}

  /**
   * Builds the match of phrases that must all occur.
   *
   * @param phrases at least one phrase, each at least one word
   * @return the fragments
   */
  Match match(List<List<String>> phrases);

  /**
   * Builds a match that tests one row at a time cheaply, for walking the org's rows newest (or
   * oldest) first and stopping at the page's end: worth it when the words are frequent, which the
   * search finds out by walking a bounded window first. Empty when the backend's planner already
   * walks rows in time order by itself.
   *
   * @param phrases at least one phrase, each at least one word
   * @return the per-row match (join empty, no rank), or empty
   */
  default Optional<Match> perRow(List<List<String>> phrases) {
    return Optional.empty();
  }
}
