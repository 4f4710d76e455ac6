package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.incident.model.RcaRecord;
import ai.agentlens.core.incident.model.RcaStatus;
import ai.agentlens.core.incident.model.RootCause;
import ai.agentlens.core.json.Json;
import ai.agentlens.core.port.incident.RootCauseStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * {@link RootCauseStore} in portable SQL (table {@code incident_rca}, one row per incident,
 * replaced by each analysis). Lists are JSON string arrays.
 */
public class JdbcRootCauseStore implements RootCauseStore {

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcRootCauseStore(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public void save(RcaRecord r) {
    String org = Tenancy.require(r.orgId());
    RootCause a = r.analysis();
    tx.write(
        Scope.org(org),
        c ->
            sql.update(
                c,
                "insert into incident_rca (org_id, incident_id, status, source, summary,"
                    + " likely_cause, evidence, fixes, request_ids, error, attempts, updated_at)"
                    + " values (?,?,?,?,?,?,?,?,?,?,?,?) on conflict (org_id, incident_id) do update"
                    + " set status = excluded.status, source = excluded.source,"
                    + " summary = excluded.summary, likely_cause = excluded.likely_cause,"
                    + " evidence = excluded.evidence, fixes = excluded.fixes,"
                    + " request_ids = excluded.request_ids, error = excluded.error,"
                    + " attempts = excluded.attempts, updated_at = excluded.updated_at",
                org,
                r.incidentId(),
                r.status().wireName(),
                r.source(),
                a == null ? null : a.summary(),
                a == null ? null : a.likelyCause(),
                a == null ? null : Json.stringArray(a.evidence()),
                a == null ? null : Json.stringArray(a.recommendedFixes()),
                Json.stringArray(r.requestIds()),
                r.error(),
                r.attempts(),
                r.updatedAt()));
  }

  @Override
  public Optional<RcaRecord> find(String orgId, String incidentId) {
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c ->
            sql.one(
                c,
                "select org_id, incident_id, status, source, summary, likely_cause, evidence, fixes,"
                    + " request_ids, error, attempts, updated_at from incident_rca"
                    + " where org_id = ? and incident_id = ?",
                this::row,
                orgId,
                incidentId));
  }

  private RcaRecord row(ResultSet rs) throws SQLException {
    RcaStatus status = RcaStatus.fromWireName(rs.getString("status")).orElseThrow();
    String summary = rs.getString("summary");
    RootCause analysis =
        summary == null
            ? null
            : new RootCause(
                summary,
                rs.getString("likely_cause"),
                Json.parseStringArray(rs.getString("evidence")),
                Json.parseStringArray(rs.getString("fixes")));
    return new RcaRecord(
        rs.getString("org_id"),
        rs.getString("incident_id"),
        status,
        rs.getString("source"),
        analysis,
        Json.parseStringArray(rs.getString("request_ids")),
        rs.getString("error"),
        rs.getInt("attempts"),
        sql.dialect().getInstant(rs, "updated_at"));
  }
}
