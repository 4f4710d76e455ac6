package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.llm.LlmRequestQuery;
import ai.agentlens.storage.spi.jdbc.LlmFullText;
import ai.agentlens.storage.spi.jdbc.LlmSearchFilters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The LLM request search on SQLite: the FTS5 table {@code llm_requests_fts} (external content, kept
 * in sync by triggers) matched with one FTS5 query of quoted phrases (implicitly AND-ed) and ranked
 * by {@code bm25} (lower is better) over the newest matches, walked newest first from the index; a
 * per-row probe (rowid and match) serves the newest-first walk of frequent words.
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
    StringBuilder where = new StringBuilder(" where llm_requests_fts match ? and r.org_id = ?");
    LlmSearchFilters.append(q, where, args);
    args.add(n);
    return new Candidates(
        "(select r.*, bm25(llm_requests_fts) as score from llm_requests_fts"
            + " join llm_requests r on r.seq = llm_requests_fts.rowid"
            + where
            + " order by llm_requests_fts.rowid desc limit ?) r",
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

  private static String query(List<List<String>> phrases) {
    List<String> quoted = new ArrayList<>();
    for (List<String> p : phrases) {
      // why: words are letters and digits only, so a double-quoted phrase needs no escaping
      quoted.add('"' + String.join(" ", p) + '"');
    }
    return String.join(" ", quoted);
  }
}
