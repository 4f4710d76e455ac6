package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.port.llm.LlmRequest;
import ai.agentlens.core.port.llm.LlmRequestPage;
import ai.agentlens.core.port.llm.LlmRequestQuery;
import ai.agentlens.core.port.llm.LlmRequestSort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The searches of {@link JdbcLlmRequestSearch} ordered by a column that may be empty — latency,
 * risk, model — where rows without a value come last in either direction and ties go by id ({@link
 * LlmRequestSort}). Without words the page is merged from two index walks that stop at the page's
 * end: the rows with a value in the column's order, the rows without one by id (migration V44 gives
 * each column an index ending with the id). With words, the first {@code window} rows with a value
 * are tested one by one (a frequent word fills the page there); otherwise every match is sorted,
 * taken from the backend's candidates when it has them and they are at most {@code cap}, else from
 * the plain plan, which the caller runs.
 */
final class JdbcLlmColumnSearch {

  /**
   * Matches the backend's candidates may hold for a sort by a column: more take the plain plan.
   *
   * <p>why: a word in 5 % of 1M rows is the most the first window can miss on a page (fewer than 51
   * of 1,000 rows match), and fetching that many candidates still beats the plain plan
   */
  static final int CAP = 50_000;

  /** Runs a page query: SQL from {@code from} on, its arguments before the limit and offset. */
  interface Pager {
    LlmRequestPage page(LlmRequestQuery q, String fromWhereOrder, List<Object> args);
  }

  private record Counted(LlmRequest request, long matched) {}

  private final Transactor tx;
  private final Sql sql;
  private final LlmFullText fullText;
  private final LlmRequestRows rows;
  private final Pager pager;
  private final int window;
  private final int cap;

  JdbcLlmColumnSearch(
      Transactor tx,
      Sql sql,
      LlmFullText fullText,
      LlmRequestRows rows,
      Pager pager,
      int window,
      int cap) {
    this.tx = tx;
    this.sql = sql;
    this.fullText = fullText;
    this.rows = rows;
    this.pager = pager;
    this.window = window;
    this.cap = cap;
  }

  /**
   * Tells the column a sort orders by, when it is one this search serves.
   *
   * @param sort the sort
   * @return the column on alias {@code r}, or empty (time, relevance)
   */
  static Optional<String> column(LlmRequestSort sort) {
    return switch (sort) {
      case LATENCY -> Optional.of("r.latency_ms");
      case RISK -> Optional.of("r.risk_score");
      case MODEL -> Optional.of("r.model");
      case TIME, RELEVANCE -> Optional.empty();
    };
  }

  /**
   * Searches by the query's column.
   *
   * @param q a query sorted by latency, risk or model
   * @param column its column, from {@link #column}
   * @return the page, or empty when the caller's plain plan has to sort every match
   */
  Optional<LlmRequestPage> search(LlmRequestQuery q, String column) {
    if (q.phrases().isEmpty()) {
      return Optional.of(merged(q, column));
    }
    LlmFullText.Match test =
        fullText.perRow(q.phrases()).orElseGet(() -> fullText.match(q.phrases()));
    if (test.join().isEmpty()) {
      LlmRequestPage walked = firstWithValue(q, column, test);
      if (walked.hasMore()) {
        return Optional.of(walked);
      }
    }
    return fullText.allMatches(q, cap + 1).flatMap(c -> sorted(q, c));
  }

  private LlmRequestPage merged(LlmRequestQuery q, String column) {
    String dir = q.descending() ? " desc" : " asc";
    List<Object> args = new ArrayList<>();
    String valued =
        walk(
            q,
            LlmRequestRows.COLUMNS,
            column + " is not null",
            column + dir + ", r.id" + dir,
            args);
    args.add(q.offset() + q.limit() + 1);
    String empty = walk(q, LlmRequestRows.COLUMNS, column + " is null", "r.id" + dir, args);
    args.add(q.offset() + q.limit() + 1);
    return pager.page(
        q,
        " from (select * from ("
            + valued
            + " limit ?) v union all select * from ("
            + empty
            + " limit ?) e) r"
            + JdbcLlmRequestSearch.order(q),
        args);
  }

  // why: every row before the page's last one in this order is among the window and was tested,
  // so a full page is exact; rows without a value come after all of them
  private LlmRequestPage firstWithValue(LlmRequestQuery q, String column, LlmFullText.Match m) {
    String dir = q.descending() ? " desc" : " asc";
    List<Object> args = new ArrayList<>();
    String first = walk(q, "r.*", column + " is not null", column + dir + ", r.id" + dir, args);
    args.add(window);
    args.addAll(m.whereArgs());
    return pager.page(
        q,
        " from (" + first + " limit ?) r where " + m.where() + JdbcLlmRequestSearch.order(q),
        args);
  }

  // why: the candidates are the newest cap + 1 matches; the count over them tells whether that
  // was all of them (a page of an incomplete set would miss rows), and costs no second query
  private Optional<LlmRequestPage> sorted(LlmRequestQuery q, LlmFullText.Candidates c) {
    List<Object> args = new ArrayList<>(c.args());
    args.add(q.limit() + 1);
    args.add(q.offset());
    String query =
        "select "
            + LlmRequestRows.COLUMNS
            + ", count(*) over () as matched from "
            + c.from()
            + JdbcLlmRequestSearch.order(q)
            + " limit ? offset ?";
    List<Counted> found =
        tx.readOrg(
            q.orgId(),
            List.of(),
            conn -> {
              sql.planEachStatement(conn);
              return sql.list(
                  conn,
                  query,
                  rs -> new Counted(rows.read(rs), rs.getLong("matched")),
                  args.toArray());
            });
    if (found.isEmpty() ? q.offset() > cap : found.get(0).matched() > cap) {
      return Optional.empty();
    }
    boolean more = found.size() > q.limit();
    List<LlmRequest> items = found.stream().limit(q.limit()).map(Counted::request).toList();
    return Optional.of(new LlmRequestPage(items, more));
  }

  private static String walk(
      LlmRequestQuery q, String columns, String condition, String order, List<Object> args) {
    StringBuilder where =
        new StringBuilder("select " + columns + " from llm_requests r where r.org_id = ?");
    args.add(q.orgId());
    LlmSearchFilters.append(q, where, args);
    return where.append(" and ").append(condition).append(" order by ").append(order).toString();
  }
}
