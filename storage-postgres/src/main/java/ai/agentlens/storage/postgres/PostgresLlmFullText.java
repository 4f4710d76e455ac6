package ai.agentlens.storage.postgres;

import ai.agentlens.storage.spi.jdbc.LlmFullText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The LLM request search on PostgreSQL: the generated {@code search} tsvector (GIN-indexed) matched
 * with one {@code phraseto_tsquery('simple', …)} per phrase, AND-ed, and ranked by {@code ts_rank}
 * (negated, so ascending puts the best first).
 */
final class PostgresLlmFullText implements LlmFullText {

  @Override
  public Match match(List<List<String>> phrases) {
    List<String> parts = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    for (List<String> p : phrases) {
      parts.add("phraseto_tsquery('simple'::regconfig, ?)");
      args.add(String.join(" ", p));
    }
    String query = "(" + String.join(" && ", parts) + ")";
    return new Match(
        "",
        "r.search @@ " + query,
        args,
        "-ts_rank(r.search, " + query + ")",
        Collections.unmodifiableList(args));
  }
}
