package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.llm.LlmRequestQuery;
import ai.agentlens.storage.spi.jdbc.LlmFullText;
import ai.agentlens.storage.spi.jdbc.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The LLM request search on PostgreSQL: the generated {@code search} tsvector (GIN-indexed) matched
 * with one {@code phraseto_tsquery('simple', …)} per phrase, AND-ed. Searches by relevance and by
 * time, and the rarer words of a search by latency, risk or model, go through the {@code
 * llm_requests_matching} function (migration V41): the org's newest (or oldest) matches found
 * through the GIN index or the start-time index, with their {@code ts_rank}.
 */
final class PostgresLlmFullText implements LlmFullText {

  private static final int TIME_WINDOW = 5_000;

  @Override
  public Match match(List<List<String>> phrases) {
    List<Object> args = new ArrayList<>();
    return new Match("", "r.search @@ " + tsquery(phrases, args), args);
  }

  // why: under Row-Level Security `@@` is not leakproof, so the planner tests it row by row after
  // the policy and never uses the GIN index (1.1–1.6 s at 1M rows); the function runs as the
  // table owner, whose policy lets the index serve, and filters on the transaction's org itself
  @Override
  public Candidates ranked(LlmRequestQuery q, int n) {
    return matching(q, n, false, 0);
  }

  // why: a word in a handful of rows, sorted by time, otherwise walks every row of the org; the
  // function walks TIME_WINDOW rows before it turns to the GIN index, as a word under 1 % of rows
  // (50 of 5,000) is cheaper to fetch from the index and sort
  @Override
  public Optional<Candidates> inTimeOrder(LlmRequestQuery q, int n) {
    return Optional.of(matching(q, n, !q.descending(), TIME_WINDOW));
  }

  // why: a rare word sorted by latency, risk or model sorts every match, and the plain plan finds
  // them by testing each of the org's rows (the policy again); the function's GIN path finds them
  @Override
  public Optional<Candidates> allMatches(LlmRequestQuery q, int n) {
    return Optional.of(matching(q, n, false, 0));
  }

  private static Candidates matching(
      LlmRequestQuery q, int n, boolean oldestFirst, int timeWindow) {
    List<Object> args = new ArrayList<>();
    String query = tsquery(q.phrases(), args);
    args.add(n);
    args.add(oldestFirst);
    args.add(timeWindow);
    args.add(text(q.agentId()));
    args.add(text(q.model()));
    args.add(text(q.provider()));
    args.add(text(q.status() == null ? null : q.status().wireName()));
    args.add(Sql.intOrNull(q.minRisk()));
    args.add(Sql.intOrNull(q.maxRisk()));
    args.add(Sql.instantOrNull(q.from()));
    args.add(Sql.instantOrNull(q.to()));
    args.add(q.orgId());
    return new Candidates(
        "(select r.*, -m.rank as score from llm_requests_matching("
            + query
            + ", ?::integer, ?::boolean, ?::integer, ?::text, ?::text, ?::text, ?::text, ?::integer,"
            + " ?::integer, ?::timestamptz, ?::timestamptz) m"
            + " join llm_requests r on r.org_id = ? and r.id = m.id) r",
        args);
  }

  private static String tsquery(List<List<String>> phrases, List<Object> args) {
    List<String> parts = new ArrayList<>();
    for (List<String> p : phrases) {
      parts.add("phraseto_tsquery('simple'::regconfig, ?)");
      args.add(String.join(" ", p));
    }
    return "(" + String.join(" && ", parts) + ")";
  }

  private static Object text(String value) {
    return value == null ? Sql.Null.TEXT : value;
  }
}
