package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.port.llm.LlmCallWrite;
import ai.agentlens.core.port.llm.LlmHalfWrite;
import ai.agentlens.core.port.llm.LlmRequest;
import ai.agentlens.core.port.llm.LlmRequestPage;
import ai.agentlens.core.port.llm.LlmRequestQuery;
import ai.agentlens.core.port.llm.LlmRequestStore;
import ai.agentlens.core.port.llm.LlmResponseWrite;
import ai.agentlens.core.port.llm.LlmRunRisk;
import ai.agentlens.core.risk.RiskAssessment;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
   * walked by a search by time or by a column, {@link JdbcLlmRequestSearch#RANKED} matches ranked
   * by relevance, {@link JdbcLlmColumnSearch#CAP} candidates sorted by a column).
   *
   * @param tx transactions
   * @param sql SQL helper
   * @param fullText the backend's full-text match
   */
  public JdbcLlmRequestStore(Transactor tx, Sql sql, LlmFullText fullText) {
    this(
        tx,
        sql,
        fullText,
        JdbcLlmRequestSearch.WINDOW,
        JdbcLlmRequestSearch.RANKED,
        JdbcLlmColumnSearch.CAP);
  }

  /**
   * Creates the store with its search bounds (tests use small ones).
   *
   * @param tx transactions
   * @param sql SQL helper
   * @param fullText the backend's full-text match
   * @param window rows a search by time (or by latency, risk or model) walks first before it falls
   *     back to the full-text index, &gt; 0
   * @param ranked the newest matches a search by relevance ranks, &gt; 0
   * @param cap the most matches of the backend's candidates a search by latency, risk or model
   *     sorts before it takes the plain plan, &gt; 0
   */
  public JdbcLlmRequestStore(
      Transactor tx, Sql sql, LlmFullText fullText, int window, int ranked, int cap) {
    this.tx = tx;
    this.sql = sql;
    this.rows = new LlmRequestRows(sql.dialect());
    this.search = new JdbcLlmRequestSearch(tx, sql, fullText, rows, window, ranked, cap);
  }

  @Override
  public LlmRequest recordCall(LlmCallWrite w) {
    String org = Tenancy.require(w.orgId());
    return tx.write(
        Scope.org(org),
        c -> {
          sql.planEachStatement(c);
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
          sql.planEachStatement(c);
          upsert(c, org, w);
          return byCall(c, org, w.callId());
        });
  }

  @Override
  public List<LlmRequest> recordAll(List<? extends LlmHalfWrite> halves, LlmRunRisk risk) {
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
                sql.planEachStatement(c);
                Map<String, List<LlmHalfWrite>> byCall = new LinkedHashMap<>();
                for (LlmHalfWrite h : e.getValue()) {
                  byCall.computeIfAbsent(h.callId(), k -> new ArrayList<>(2)).add(h);
                }
                write(c, org, byCall.values(), risk);
                Map<String, LlmRequest> written = byCalls(c, org, byCall.keySet());
                List<LlmRequest> rows = new ArrayList<>(byCall.size());
                List<Object[]> scores = new ArrayList<>();
                for (String callId : byCall.keySet()) {
                  LlmRequest r = written.get(callId);
                  if (r == null) {
                    throw new IllegalStateException("row just written is gone");
                  }
                  if (risk != null) {
                    RiskAssessment a = risk.assess(r);
                    if (!r.hasRisk(a)) {
                      scores.add(riskArgs(org, r.id(), a));
                    }
                    r = r.withRisk(a);
                  }
                  rows.add(r);
                }
                sql.batchArgs(c, RISK_SQL, scores);
                return rows;
              }));
    }
    return out;
  }

  private void upsert(Connection c, String org, LlmHalfWrite h) throws SQLException {
    if (h instanceof LlmCallWrite call) {
      sql.update(c, JdbcLlmHalfWrite.CALL_SQL, JdbcLlmHalfWrite.args(org, call, null));
    } else {
      sql.update(
          c, JdbcLlmHalfWrite.RESPONSE_SQL, JdbcLlmHalfWrite.args(org, (LlmResponseWrite) h, null));
    }
  }

  // why: a call and its response in one run are one insert, so the full-text index takes the
  // prompt once instead of three times (insert, then delete and insert again on the response);
  // each kind of write is one JDBC batch, prepared once per run instead of once per row; a row the
  // run creates takes its expected score, so it is not written a second time for the score
  private void write(
      Connection c, String org, Collection<List<LlmHalfWrite>> byCall, LlmRunRisk risk)
      throws SQLException {
    List<Object[]> calls = new ArrayList<>();
    List<Object[]> responses = new ArrayList<>();
    List<Object[]> pairs = new ArrayList<>();
    List<List<LlmHalfWrite>> others = new ArrayList<>();
    for (List<LlmHalfWrite> halves : byCall) {
      LlmHalfWrite first = halves.get(0);
      RiskAssessment expected =
          risk == null ? null : risk.expected(org, first.callId()).orElse(null);
      if (halves.size() == 1 && first instanceof LlmCallWrite call) {
        calls.add(JdbcLlmHalfWrite.args(org, call, expected));
      } else if (halves.size() == 1) {
        responses.add(JdbcLlmHalfWrite.args(org, (LlmResponseWrite) first, expected));
      } else if (halves.size() == 2 && first.getClass() != halves.get(1).getClass()) {
        LlmHalfWrite second = halves.get(1);
        LlmCallWrite call = (LlmCallWrite) (first instanceof LlmCallWrite ? first : second);
        LlmResponseWrite response =
            (LlmResponseWrite) (first instanceof LlmResponseWrite ? first : second);
        pairs.add(JdbcLlmPairWrite.args(org, first, call, response, expected));
      } else {
        others.add(halves);
      }
    }
    sql.batchArgs(c, JdbcLlmHalfWrite.CALL_SQL, calls);
    sql.batchArgs(c, JdbcLlmHalfWrite.RESPONSE_SQL, responses);
    sql.batchArgs(c, JdbcLlmPairWrite.SQL, pairs);
    for (List<LlmHalfWrite> halves : others) {
      for (LlmHalfWrite h : halves) {
        upsert(c, org, h);
      }
    }
  }

  @Override
  public void score(String orgId, String id, RiskAssessment risk) {
    String org = Tenancy.require(orgId);
    tx.write(
        Scope.org(org),
        c -> {
          sql.planEachStatement(c);
          sql.update(c, RISK_SQL, riskArgs(org, id, risk));
          return null;
        });
  }

  private static final String RISK_SQL =
      "update llm_requests set risk_score = ?, risk_version = ?, risk_reasons = ?"
          + " where org_id = ? and id = ?";

  private static Object[] riskArgs(String org, String id, RiskAssessment risk) {
    return new Object[] {
      risk.score(), risk.version(), LlmRequestRows.reasons(risk.reasons()), org, id
    };
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
  public Map<String, LlmRequest> findByCallIds(String orgId, Collection<String> callIds) {
    if (callIds.isEmpty()) {
      return Map.of();
    }
    return tx.readOrg(
        orgId,
        Map.of(),
        c -> {
          sql.planEachStatement(c);
          return byCalls(c, orgId, callIds);
        });
  }

  private Map<String, LlmRequest> byCalls(Connection c, String org, Collection<String> callIds)
      throws SQLException {
    Map<String, LlmRequest> out = new HashMap<>();
    for (List<String> chunk : Chunks.of(new ArrayList<>(callIds), 500)) {
      for (LlmRequest r :
          sql.list(
              c,
              sql.dialect()
                  .readByKey("llm_requests r", LlmRequestRows.COLUMNS, "call_id", chunk.size()),
              rows::read,
              sql.dialect().orgAndKeys(org, chunk))) {
        out.put(r.callId(), r);
      }
    }
    return out;
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
