package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.port.llm.LlmRequestQuery;
import java.util.List;
import java.util.Optional;

/**
 * A backend's full-text piece of the LLM request search (table {@code llm_requests}, aliased {@code
 * r}): how to join its index, test a match, and rank the newest matches by relevance. The phrases
 * are lower-case runs of letters and digits ({@link ai.agentlens.core.llm.SearchText}), so they
 * hold nothing the backend's query language would read as an operator; they are still bound as
 * parameters.
 */
public interface LlmFullText {

  /**
   * A match: SQL fragments with their arguments in the order the fragments appear.
   *
   * @param join joined after {@code from llm_requests r} (may be empty)
   * @param where a condition true for matching rows
   * @param whereArgs its arguments
   */
  record Match(String join, String where, List<Object> whereArgs) {}

  /**
   * The candidate rows of a search: a parenthesized subquery, aliased {@code r}, with every column
   * of {@code llm_requests} and {@code score} (ascending puts the best match first).
   *
   * @param from the subquery and its alias
   * @param args its arguments in order
   */
  record Candidates(String from, List<Object> args) {}

  /**
   * Builds the match of phrases that must all occur.
   *
   * @param phrases at least one phrase, each at least one word
   * @return the fragments
   */
  Match match(List<List<String>> phrases);

  /**
   * Builds the candidates of a search by relevance: the org's newest {@code n} rows (by start time
   * or by the order they were logged in) that match every phrase of the query and pass its filters
   * ({@link LlmSearchFilters}), each with its score. Runs in a transaction scoped to the query's
   * org, and returns that org's rows only, whatever the backend's access path.
   *
   * @param q the query, with at least one phrase
   * @param n the most rows ranked, &gt; 0
   * @return the subquery
   */
  Candidates ranked(LlmRequestQuery q, int n);

  /**
   * Builds the first {@code n} matches of a search by time in the query's direction (newest or
   * oldest first, ties by id, as the page is ordered): the org's rows that match every phrase and
   * pass the filters, for a backend whose plan from its index is slow for a word in few rows. Runs
   * in a transaction scoped to the query's org, and returns that org's rows only.
   *
   * @param q the query, with at least one phrase
   * @param n the most rows, &gt; 0 (the page's offset, its length, and one more)
   * @return the subquery, or empty when the backend's own plan serves (SQLite walks a window)
   */
  default Optional<Candidates> inTimeOrder(LlmRequestQuery q, int n) {
    return Optional.empty();
  }

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

  /**
   * Builds the org's newest {@code n} matches that pass the query's filters, for a backend whose
   * plain plan (the {@link #match} in a query on the table) cannot use its full-text index. Runs in
   * a transaction scoped to the query's org, and returns that org's rows only.
   *
   * @param q the query, with at least one phrase
   * @param n the most rows, &gt; 0
   * @return the subquery (its {@code score} unused), or empty when the plain plan serves
   */
  default Optional<Candidates> allMatches(LlmRequestQuery q, int n) {
    return Optional.empty();
  }
}
