package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonReader;
import ai.agentlens.core.json.JsonWriter;
import ai.agentlens.core.port.llm.LlmCallWrite;
import ai.agentlens.core.port.llm.LlmHalfWrite;
import ai.agentlens.core.port.llm.LlmRequest;
import ai.agentlens.core.port.llm.LlmRequestPage;
import ai.agentlens.core.port.llm.LlmRequestQuery;
import ai.agentlens.core.port.llm.LlmRequestSort;
import ai.agentlens.core.port.llm.LlmRequestStatus;
import ai.agentlens.core.port.llm.LlmRequestStore;
import ai.agentlens.core.port.llm.LlmResponseWrite;
import ai.agentlens.core.risk.RiskAssessment;
import ai.agentlens.core.risk.RiskReason;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link LlmRequestStore} in portable SQL (table {@code llm_requests}); the full-text match and
 * rank come from the backend's {@link LlmFullText}. Each half is one {@code insert … on conflict
 * (org_id, call_id) do update} followed by a read of the row in the same transaction.
 */
public class JdbcLlmRequestStore implements LlmRequestStore {

  private static final String COLUMNS =
      "r.org_id, r.id, r.call_id, r.agent_id, r.session_id, r.provider, r.model, r.prompt,"
          + " r.response, r.status, r.finish_reason, r.latency_ms, r.input_tokens,"
          + " r.output_tokens, r.risk_score, r.risk_version, r.risk_reasons, r.source,"
          + " r.started_at, r.completed_at";

  private static final int WINDOW = 1_000;

  private final Transactor tx;
  private final Sql sql;
  private final LlmFullText fullText;
  private final int window;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   * @param fullText the backend's full-text match
   */
  public JdbcLlmRequestStore(Transactor tx, Sql sql, LlmFullText fullText) {
    this(tx, sql, fullText, WINDOW);
  }

  /**
   * Creates the store with the size of the newest-first window a search by time walks before it
   * falls back to the full-text index (tests use a small one).
   *
   * @param tx transactions
   * @param sql SQL helper
   * @param fullText the backend's full-text match
   * @param window rows walked newest (or oldest) first, &gt; 0
   */
  public JdbcLlmRequestStore(Transactor tx, Sql sql, LlmFullText fullText, int window) {
    this.tx = tx;
    this.sql = sql;
    this.fullText = fullText;
    this.window = window;
  }

  @Override
  public LlmRequest recordCall(LlmCallWrite w) {
    String org = Tenancy.require(w.orgId());
    return tx.write(
        Scope.org(org),
        c -> {
          upsert(c, org, w);
          return byCall(c, org, w.callId());
        });
  }

  @Override
  public LlmRequest recordResponse(LlmResponseWrite w) {
    String org = Tenancy.require(w.orgId());
    return tx.write(
        Scope.org(org),
        c -> {
          upsert(c, org, w);
          return byCall(c, org, w.callId());
        });
  }

  @Override
  public List<LlmRequest> recordAll(
      List<? extends LlmHalfWrite> halves, Function<LlmRequest, RiskAssessment> risk) {
    Map<String, List<LlmHalfWrite>> byOrg = new LinkedHashMap<>();
    for (LlmHalfWrite h : halves) {
      byOrg.computeIfAbsent(Tenancy.require(h.orgId()), k -> new ArrayList<>()).add(h);
    }
    List<LlmRequest> out = new ArrayList<>();
    for (Map.Entry<String, List<LlmHalfWrite>> e : byOrg.entrySet()) {
      String org = e.getKey();
      out.addAll(
          tx.write(
              Scope.org(org),
              c -> {
                Map<String, List<LlmHalfWrite>> byCall = new LinkedHashMap<>();
                for (LlmHalfWrite h : e.getValue()) {
                  byCall.computeIfAbsent(h.callId(), k -> new ArrayList<>(2)).add(h);
                }
                List<LlmRequest> rows = new ArrayList<>(byCall.size());
                for (List<LlmHalfWrite> same : byCall.values()) {
                  write(c, org, same);
                  LlmRequest r = byCall(c, org, same.get(0).callId());
                  if (risk != null) {
                    RiskAssessment a = risk.apply(r);
                    if (!r.hasRisk(a)) {
                      setRisk(c, org, r.id(), a);
                    }
                    r = r.withRisk(a);
                  }
                  rows.add(r);
                }
                return rows;
              }));
    }
    return out;
  }

  // why: a call and its response in one run are one insert, so the full-text index takes the
  // prompt once instead of three times (insert, then delete and insert again on the response)
  private void write(Connection c, String org, List<LlmHalfWrite> halves) throws SQLException {
    if (halves.size() == 2 && halves.get(0).getClass() != halves.get(1).getClass()) {
      LlmCallWrite call =
          (LlmCallWrite) (halves.get(0) instanceof LlmCallWrite ? halves.get(0) : halves.get(1));
      LlmResponseWrite response =
          (LlmResponseWrite)
              (halves.get(0) instanceof LlmResponseWrite ? halves.get(0) : halves.get(1));
      JdbcLlmPairWrite.upsert(sql, c, org, halves.get(0), call, response);
      return;
    }
    for (LlmHalfWrite h : halves) {
      if (h instanceof LlmCallWrite call) {
        upsert(c, org, call);
      } else {
        upsert(c, org, (LlmResponseWrite) h);
      }
    }
  }

  private void upsert(Connection c, String org, LlmCallWrite w) throws SQLException {
    sql.update(
        c,
        "insert into llm_requests (org_id, id, call_id, agent_id, session_id, provider,"
            + " model, prompt, status, source, started_at) values (?,?,?,?,?,?,?,?,?,?,?)"
            + " on conflict (org_id, call_id) do update set prompt = excluded.prompt,"
            + " started_at = excluded.started_at,"
            + " agent_id = coalesce(excluded.agent_id, llm_requests.agent_id),"
            + " session_id = coalesce(excluded.session_id, llm_requests.session_id),"
            + " provider = coalesce(llm_requests.provider, excluded.provider),"
            + " model = coalesce(llm_requests.model, excluded.model)",
        org,
        w.id(),
        w.callId(),
        w.agentId(),
        w.sessionId(),
        w.provider(),
        w.model(),
        w.prompt() == null ? "" : w.prompt(),
        LlmRequestStatus.PENDING.wireName(),
        w.source(),
        w.startedAt());
  }

  private void upsert(Connection c, String org, LlmResponseWrite w) throws SQLException {
    sql.update(
        c,
        "insert into llm_requests (org_id, id, call_id, agent_id, session_id, provider,"
            + " model, response, status, finish_reason, latency_ms, input_tokens,"
            + " output_tokens, source, started_at, completed_at)"
            + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            + " on conflict (org_id, call_id) do update set response = excluded.response,"
            + " status = excluded.status, finish_reason = excluded.finish_reason,"
            + " latency_ms = excluded.latency_ms, input_tokens = excluded.input_tokens,"
            + " output_tokens = excluded.output_tokens,"
            + " completed_at = excluded.completed_at,"
            + " agent_id = coalesce(llm_requests.agent_id, excluded.agent_id),"
            + " session_id = coalesce(llm_requests.session_id, excluded.session_id),"
            + " provider = coalesce(excluded.provider, llm_requests.provider),"
            + " model = coalesce(excluded.model, llm_requests.model)",
        org,
        w.id(),
        w.callId(),
        w.agentId(),
        w.sessionId(),
        w.provider(),
        w.model(),
        w.response() == null ? "" : w.response(),
        w.status().wireName(),
        w.finishReason(),
        w.latencyMs() == null ? Sql.Null.INTEGER : w.latencyMs(),
        Sql.intOrNull(w.inputTokens()),
        Sql.intOrNull(w.outputTokens()),
        w.source(),
        w.completedAt(),
        w.completedAt());
  }

  @Override
  public void score(String orgId, String id, RiskAssessment risk) {
    String org = Tenancy.require(orgId);
    tx.write(
        Scope.org(org),
        c -> {
          setRisk(c, org, id, risk);
          return null;
        });
  }

  private void setRisk(Connection c, String org, String id, RiskAssessment risk)
      throws SQLException {
    sql.update(
        c,
        "update llm_requests set risk_score = ?, risk_version = ?, risk_reasons = ?"
            + " where org_id = ? and id = ?",
        risk.score(),
        risk.version(),
        reasons(risk.reasons()),
        org,
        id);
  }

  @Override
  public Optional<LlmRequest> find(String orgId, String id) {
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c ->
            sql.one(
                c,
                "select " + COLUMNS + " from llm_requests r where r.org_id = ? and r.id = ?",
                this::row,
                orgId,
                id));
  }

  @Override
  public Map<String, LlmRequest> findByCallIds(String orgId, java.util.Collection<String> callIds) {
    if (callIds.isEmpty()) {
      return Map.of();
    }
    return tx.readOrg(
        orgId,
        Map.of(),
        c -> {
          Map<String, LlmRequest> out = new java.util.HashMap<>();
          for (List<String> chunk : Chunks.of(new ArrayList<>(callIds), 500)) {
            List<Object> args = new ArrayList<>(chunk.size() + 1);
            args.add(orgId);
            args.addAll(chunk);
            for (LlmRequest r :
                sql.list(
                    c,
                    "select "
                        + COLUMNS
                        + " from llm_requests r where r.org_id = ? and r.call_id in ("
                        + Sql.placeholders(chunk.size())
                        + ")",
                    this::row,
                    args.toArray())) {
              out.put(r.callId(), r);
            }
          }
          return out;
        });
  }

  @Override
  public LlmRequestPage search(LlmRequestQuery q) {
    if (!q.phrases().isEmpty() && q.sort() == LlmRequestSort.TIME) {
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
    String rank = null;
    List<Object> rankArgs = List.of();
    if (!q.phrases().isEmpty()) {
      LlmFullText.Match m = fullText.match(q.phrases());
      from.append(m.join());
      where.append(" and ").append(m.where());
      rank = m.rank();
      rankArgs = m.rankArgs();
      args.add(q.orgId());
      args.addAll(m.whereArgs());
    } else {
      args.add(q.orgId());
    }
    filters(q, where, args);
    String order = order(q, rank);
    if (rank != null && q.sort() == LlmRequestSort.RELEVANCE) {
      args.addAll(rankArgs);
    }
    args.add(q.limit() + 1);
    args.add(q.offset());
    String query = "select " + COLUMNS + from + where + order + " limit ? offset ?";
    List<LlmRequest> rows =
        tx.readOrg(q.orgId(), List.of(), c -> sql.list(c, query, this::row, args.toArray()));
    boolean more = rows.size() > q.limit();
    return new LlmRequestPage(more ? rows.subList(0, q.limit()) : rows, more);
  }

  // why: frequent words match most rows, so walking the newest `window` rows and testing each finds
  // a
  // page in a few hundred tests; the page is exact when it is full (every row between is tested),
  // otherwise the caller runs the plan from the index (rare words: few matches to join); each test
  // costs tens of µs on FTS5, so the window is 1,000 (10,000 took a rare word to 948 ms at 1M)
  private Optional<LlmRequestPage> newestWindow(LlmRequestQuery q, LlmFullText.Match m) {
    String dir = q.descending() ? " desc" : " asc";
    List<Object> args = new ArrayList<>(List.of(q.orgId(), window));
    StringBuilder where = new StringBuilder(" where ").append(m.where());
    args.addAll(m.whereArgs());
    filters(q, where, args);
    args.add(q.limit() + 1);
    args.add(q.offset());
    String query =
        "select "
            + COLUMNS
            + " from (select * from llm_requests w where w.org_id = ? order by w.started_at"
            + dir
            + ", w.id"
            + dir
            + " limit ?) r"
            + where
            + order(q, null)
            + " limit ? offset ?";
    List<LlmRequest> rows =
        tx.readOrg(q.orgId(), List.of(), c -> sql.list(c, query, this::row, args.toArray()));
    if (rows.size() <= q.limit()) {
      return Optional.empty();
    }
    return Optional.of(new LlmRequestPage(rows.subList(0, q.limit()), true));
  }

  private static void filters(LlmRequestQuery q, StringBuilder where, List<Object> args) {
    eq(where, args, "r.agent_id", q.agentId());
    eq(where, args, "r.model", q.model());
    eq(where, args, "r.provider", q.provider());
    eq(where, args, "r.status", q.status() == null ? null : q.status().wireName());
    if (q.minRisk() != null) {
      where.append(" and r.risk_score >= ?");
      args.add(q.minRisk());
    }
    if (q.maxRisk() != null) {
      where.append(" and r.risk_score <= ?");
      args.add(q.maxRisk());
    }
    if (q.from() != null) {
      where.append(" and r.started_at >= ?");
      args.add(q.from());
    }
    if (q.to() != null) {
      where.append(" and r.started_at < ?");
      args.add(q.to());
    }
  }

  private static void eq(StringBuilder where, List<Object> args, String column, String value) {
    if (value != null) {
      where.append(" and ").append(column).append(" = ?");
      args.add(value);
    }
  }

  // why: NULLs sort differently per backend, so "is null" orders them last explicitly
  private static String order(LlmRequestQuery q, String rank) {
    String dir = q.descending() ? " desc" : " asc";
    return switch (q.sort()) {
      case RELEVANCE -> " order by " + rank + ", r.started_at desc, r.id desc";
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
      case TIME -> " order by r.started_at" + dir + ", r.id" + dir;
    };
  }

  private LlmRequest byCall(Connection c, String org, String callId) throws SQLException {
    return sql.one(
            c,
            "select " + COLUMNS + " from llm_requests r where r.org_id = ? and r.call_id = ?",
            this::row,
            org,
            callId)
        .orElseThrow(() -> new IllegalStateException("row just written is gone"));
  }

  private LlmRequest row(ResultSet rs) throws SQLException {
    long latency = rs.getLong("latency_ms");
    Long latencyMs = rs.wasNull() ? null : latency;
    return new LlmRequest(
        rs.getString("org_id"),
        rs.getString("id"),
        rs.getString("call_id"),
        rs.getString("agent_id"),
        rs.getString("session_id"),
        rs.getString("provider"),
        rs.getString("model"),
        rs.getString("prompt"),
        rs.getString("response"),
        LlmRequestStatus.parse(rs.getString("status")).orElse(LlmRequestStatus.PENDING),
        rs.getString("finish_reason"),
        latencyMs,
        integer(rs, "input_tokens"),
        integer(rs, "output_tokens"),
        integer(rs, "risk_score"),
        rs.getString("risk_version"),
        reasons(rs.getString("risk_reasons")),
        rs.getString("source"),
        sql.dialect().getInstant(rs, "started_at"),
        sql.dialect().getInstant(rs, "completed_at"));
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  private static String reasons(List<RiskReason> reasons) {
    List<Object> out = new ArrayList<>();
    for (RiskReason r : reasons) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("code", r.code());
      o.put("weight", JsonNumber.of(BigDecimal.valueOf(r.weight())));
      o.put("detail", r.detail());
      out.add(JsonObject.of(o));
    }
    return JsonWriter.write(JsonArray.of(out));
  }

  private static List<RiskReason> reasons(String text) {
    List<RiskReason> out = new ArrayList<>();
    if (text != null && JsonReader.read(text) instanceof JsonArray a) {
      for (Object o : a) {
        if (o instanceof JsonObject r && r.get("weight") instanceof JsonNumber w) {
          out.add(new RiskReason(r.string("code"), w.doubleValue(), r.string("detail")));
        }
      }
    }
    return out;
  }
}
