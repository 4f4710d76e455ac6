package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.llm.LlmRequestQuery;
import ai.agentlens.storage.spi.jdbc.LlmFullText;
import ai.agentlens.storage.spi.jdbc.LlmSearchFilters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The LLM request search on SQLite: the FTS5 table {@code llm_requests_fts} (external content, kept
 * in sync by triggers) matched with one FTS5 query of quoted phrases (implicitly AND-ed) and ranked
 * by {@code bm25} (lower is better) over the newest matches, walked newest first from the index (a
 * search with a phrase of several words is ranked by {@code bm25} of its words); a per-row probe
 * (rowid and match) serves the newest-first walk of frequent words.
 */
final class SqliteLlmFullText implements LlmFullText {

  @Override
  public Match match(List<List<String>> phrases) {
    return new Match(
        " join llm_requests_fts on llm_requests_fts.rowid = r.seq",
        "llm_requests_fts match ?",
        List.of(query(phrases)));
  }

  // why: FTS5 walks a term's rowids in either direction, so "order by rowid desc limit n" stops
  // after n matches of the org and bm25 is computed for those only; rowid (seq) is log order
  @Override
  public Candidates ranked(LlmRequestQuery q, int n) {
    List<Object> args = new ArrayList<>(List.of(query(q.phrases()), q.orgId()));
    StringBuilder walk =
        new StringBuilder(
            " from llm_requests_fts join llm_requests r on r.seq = llm_requests_fts.rowid"
                + " where llm_requests_fts match ? and r.org_id = ?");
    LlmSearchFilters.append(q, walk, args);
    walk.append(" order by llm_requests_fts.rowid desc limit ?");
    args.add(n);
    if (q.phrases().stream().allMatch(p -> p.size() == 1)) {
      return new Candidates("(select r.*, bm25(llm_requests_fts) as score" + walk + ") r", args);
    }
    args.add(words(q.phrases()));
    return new Candidates(
        "(with c as materialized (select llm_requests_fts.rowid as seq"
            + walk
            + "), w as materialized (select rowid as seq, bm25(llm_requests_fts) as score"
            + " from llm_requests_fts where llm_requests_fts match ?"
            + " and rowid >= (select min(seq) from c))"
            + " select r.*, w.score as score from c join w on w.seq = c.seq"
            + " join llm_requests r on r.seq = c.seq) r",
        args);
  }

  @Override
  public Optional<Match> perRow(List<List<String>> phrases) {
    return Optional.of(
        new Match(
            "",
            "exists (select 1 from llm_requests_fts where llm_requests_fts.rowid = r.seq"
                + " and llm_requests_fts match ?)",
            List.of(query(phrases))));
  }

  // why: bm25 of a phrase counts the rows holding it by checking the positions of every row that
  // holds its words (186 ms for a common two-word phrase at 1,000,000 rows); a phrase search is
  // ranked by bm25 of its words instead, over the rows that hold them from the oldest candidate on
  private static String words(List<List<String>> phrases) {
    Set<String> words = new LinkedHashSet<>();
    phrases.forEach(words::addAll);
    return query(words.stream().map(List::of).toList());
  }

  private static String query(List<List<String>> phrases) {
    List<String> quoted = new ArrayList<>();
    for (List<String> p : phrases) {
      // why: words are letters and digits only, so a double-quoted phrase needs no escaping
      quoted.add('"' + String.join(" ", p) + '"');
    }
    return String.join(" ", quoted);
  }
}
