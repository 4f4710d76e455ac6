package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.port.llm.LlmCallWrite;
import ai.agentlens.core.port.llm.LlmHalfWrite;
import ai.agentlens.core.port.llm.LlmRequest;
import ai.agentlens.core.port.llm.LlmRequestPage;
import ai.agentlens.core.port.llm.LlmRequestQuery;
import ai.agentlens.core.port.llm.LlmRequestStatus;
import ai.agentlens.core.port.llm.LlmRequestStore;
import ai.agentlens.core.port.llm.LlmResponseWrite;
import ai.agentlens.core.risk.RiskAssessment;
import java.sql.Connection;
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

  private final Transactor tx;
  private final Sql sql;
  private final LlmRequestRows rows;
  private final JdbcLlmRequestSearch search;

  /**
   * Creates the store with the default search bounds ({@link JdbcLlmRequestSearch#WINDOW} rows
   * walked by a search by time, {@link JdbcLlmRequestSearch#RANKED} matches ranked by relevance).
   *
   * @param tx transactions
   * @param sql SQL helper
   * @param fullText the backend's full-text match
   */
  public JdbcLlmRequestStore(Transactor tx, Sql sql, LlmFullText fullText) {
    this(tx, sql, fullText, JdbcLlmRequestSearch.WINDOW, JdbcLlmRequestSearch.RANKED);
  }

  /**
   * Creates the store with its search bounds (tests use small ones).
   *
   * @param tx transactions
   * @param sql SQL helper
   * @param fullText the backend's full-text match
   * @param window rows a search by time walks newest (or oldest) first before it falls back to the
   *     full-text index, &gt; 0
   * @param ranked the newest matches a search by relevance ranks, &gt; 0
   */
  public JdbcLlmRequestStore(Transactor tx, Sql sql, LlmFullText fullText, int window, int ranked) {
    this.tx = tx;
    this.sql = sql;
    this.rows = new LlmRequestRows(sql.dialect());
    this.search = new JdbcLlmRequestSearch(tx, sql, fullText, rows, window, ranked);
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
      // why: runs are the recorder's, behind ingest; on SQLite's single writer they yield to the
      // ingest groups instead of holding up their commits
      out.addAll(
          tx.writeInBackground(
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
        LlmRequestRows.reasons(risk.reasons()),
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
                "select "
                    + LlmRequestRows.COLUMNS
                    + " from llm_requests r where r.org_id = ? and r.id = ?",
                rows::read,
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
                        + LlmRequestRows.COLUMNS
                        + " from llm_requests r where r.org_id = ? and r.call_id in ("
                        + Sql.placeholders(chunk.size())
                        + ")",
                    rows::read,
                    args.toArray())) {
              out.put(r.callId(), r);
            }
          }
          return out;
        });
  }

  @Override
  public LlmRequestPage search(LlmRequestQuery q) {
    return search.search(q);
  }

  private LlmRequest byCall(Connection c, String org, String callId) throws SQLException {
    return sql.one(
            c,
            "select "
                + LlmRequestRows.COLUMNS
                + " from llm_requests r where r.org_id = ? and r.call_id = ?",
            rows::read,
            org,
            callId)
        .orElseThrow(() -> new IllegalStateException("row just written is gone"));
  }
}
