package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.port.llm.LlmRequest;
import ai.agentlens.core.port.llm.LlmRequestPage;
import ai.agentlens.core.port.llm.LlmRequestQuery;
import ai.agentlens.core.port.llm.LlmRequestSort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The search of {@link JdbcLlmRequestStore}: filters and sorts in portable SQL; full-text match and
 * rank from the backend's {@link LlmFullText}. A search by relevance ranks the org's newest {@link
 * #RANKED} matches (a bound, so its cost does not grow with the log); a search by time takes the
 * backend's first matches in time order where it has them, else walks a window of the newest rows
 * (frequent words); a search by latency, risk or model is {@link JdbcLlmColumnSearch}'s; every
 * other search runs from the indexes.
 */
final class JdbcLlmRequestSearch {

  /** Rows a search by time walks newest (or oldest) first before it falls back to the index. */
  static final int WINDOW = 1_000;

  /**
   * Matches a search by relevance ranks: the org's newest this many that pass the filters.
   *
   * <p>why: ranking every match costs ~1.4 µs each (1.3 s for a word in most of 1M rows); 2,000
   * newest matches rank in tens of ms and hold more than any page a person reads
   */
  static final int RANKED = 2_000;

  private final Transactor tx;
  private final Sql sql;
  private final LlmFullText fullText;
  private final LlmRequestRows rows;
  private final int window;
  private final int ranked;
  private final JdbcLlmColumnSearch byColumn;

  JdbcLlmRequestSearch(
      Transactor tx,
      Sql sql,
      LlmFullText fullText,
      LlmRequestRows rows,
      int window,
      int ranked,
      int cap) {
    if (window < 1 || ranked < 1 || cap < 1) {
      throw new IllegalArgumentException("window, ranked and cap must be positive");
    }
    this.tx = tx;
    this.sql = sql;
    this.fullText = fullText;
    this.rows = rows;
    this.window = window;
    this.ranked = ranked;
    this.byColumn = new JdbcLlmColumnSearch(tx, sql, fullText, rows, this::page, window, cap);
  }

  LlmRequestPage search(LlmRequestQuery q) {
    Optional<String> column = JdbcLlmColumnSearch.column(q.sort());
    if (column.isPresent()) {
      Optional<LlmRequestPage> page = byColumn.search(q, column.get());
      if (page.isPresent()) {
        return page.get();
      }
    }
    if (!q.phrases().isEmpty() && q.sort() == LlmRequestSort.RELEVANCE) {
      return ranked(q);
    }
    if (!q.phrases().isEmpty() && q.sort() == LlmRequestSort.TIME) {
      Optional<LlmFullText.Candidates> first = fullText.inTimeOrder(q, q.offset() + q.limit() + 1);
      if (first.isPresent()) {
        return page(
            q, " from " + first.get().from() + order(q), new ArrayList<>(first.get().args()));
      }
      Optional<LlmFullText.Match> perRow = fullText.perRow(q.phrases());
      if (perRow.isPresent()) {
        Optional<LlmRequestPage> page = newestWindow(q, perRow.get());
        if (page.isPresent()) {
          return page.get();
        }
      }
    }
    List<Object> args = new ArrayList<>();
    StringBuilder from = new StringBuilder(" from llm_requests r");
    StringBuilder where = new StringBuilder(" where r.org_id = ?");
    args.add(q.orgId());
    if (!q.phrases().isEmpty()) {
      LlmFullText.Match m = fullText.match(q.phrases());
      from.append(m.join());
      where.append(" and ").append(m.where());
      args.addAll(m.whereArgs());
    }
    LlmSearchFilters.append(q, where, args);
    return page(q, from.toString() + where + order(q), args);
  }

  // why: a relevance score needs every candidate ranked before the first row is known; bounding
  // the candidates to the newest RANKED matches keeps a frequent word's search constant-time
  private LlmRequestPage ranked(LlmRequestQuery q) {
    LlmFullText.Candidates r = fullText.ranked(q, ranked);
    List<Object> args = new ArrayList<>(r.args());
    return page(q, " from " + r.from() + " order by r.score, r.started_at desc, r.id desc", args);
  }

  // why: frequent words match most rows, so walking the newest `window` rows that pass the filters
  // (through the start-time or agent index) and testing each finds a page in a few hundred tests;
  // the page is exact when it is full (every row between is tested), otherwise the caller runs the
  // plan from the index (rare words: few matches to join); each test costs tens of µs on FTS5, so
  // the window is 1,000 (10,000 took a rare word to 948 ms at 1M)
  private Optional<LlmRequestPage> newestWindow(LlmRequestQuery q, LlmFullText.Match m) {
    String dir = q.descending() ? " desc" : " asc";
    List<Object> args = new ArrayList<>();
    args.add(q.orgId());
    StringBuilder inner = new StringBuilder(" where r.org_id = ?");
    LlmSearchFilters.append(q, inner, args);
    args.add(window);
    args.addAll(m.whereArgs());
    String from =
        " from (select * from llm_requests r"
            + inner
            + " order by r.started_at"
            + dir
            + ", r.id"
            + dir
            + " limit ?) r where "
            + m.where();
    LlmRequestPage page = page(q, from + order(q), args);
    return page.hasMore() ? Optional.of(page) : Optional.empty();
  }

  private LlmRequestPage page(LlmRequestQuery q, String fromWhereOrder, List<Object> args) {
    args.add(q.limit() + 1);
    args.add(q.offset());
    String query = "select " + LlmRequestRows.COLUMNS + fromWhereOrder + " limit ? offset ?";
    List<LlmRequest> found =
        tx.readOrg(
            q.orgId(),
            List.of(),
            c -> {
              // why: the best plan of a search depends on its words and filters
              sql.planEachStatement(c);
              return sql.list(c, query, rows::read, args.toArray());
            });
    boolean more = found.size() > q.limit();
    return new LlmRequestPage(more ? found.subList(0, q.limit()) : found, more);
  }

  // why: NULLs sort differently per backend, so "is null" orders them last explicitly
  static String order(LlmRequestQuery q) {
    String dir = q.descending() ? " desc" : " asc";
    return switch (q.sort()) {
      case LATENCY ->
          " order by case when r.latency_ms is null then 1 else 0 end, r.latency_ms"
              + dir
              + ", r.id"
              + dir;
      case RISK ->
          " order by case when r.risk_score is null then 1 else 0 end, r.risk_score"
              + dir
              + ", r.id"
              + dir;
      case MODEL ->
          " order by case when r.model is null then 1 else 0 end, r.model" + dir + ", r.id" + dir;
      // why: a query without words turns relevance into time; with words, ranked() orders it
      case TIME, RELEVANCE -> " order by r.started_at" + dir + ", r.id" + dir;
    };
  }
}
