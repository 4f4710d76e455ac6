package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonReader;
import ai.agentlens.core.json.JsonWriter;
import ai.agentlens.core.port.remediation.RemediationStore;
import ai.agentlens.core.remediation.SettingsJson;
import ai.agentlens.core.remediation.model.Remediation;
import ai.agentlens.core.remediation.model.RemediationKind;
import ai.agentlens.core.remediation.model.RemediationStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link RemediationStore} in portable SQL (table {@code remediations}); parameters and the
 * snapshot of what was changed are JSON objects.
 */
public class JdbcRemediationStore implements RemediationStore {

  private static final String COLUMNS =
      "org_id, id, incident_id, agent_id, kind, params, status, snapshot, applied_by, applied_at,"
          + " reverted_by, reverted_at, error";

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcRemediationStore(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public void insert(Remediation r) {
    String org = Tenancy.require(r.orgId());
    tx.write(
        Scope.org(org),
        c ->
            sql.update(
                c,
                "insert into remediations (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                org,
                r.id(),
                r.incidentId(),
                r.agentId(),
                r.kind().wireName(),
                JsonWriter.write(r.params()),
                r.status().wireName(),
                snapshot(r.before()),
                r.appliedBy(),
                r.appliedAt(),
                r.revertedBy(),
                Sql.instantOrNull(r.revertedAt()),
                r.error()));
  }

  @Override
  public Optional<Remediation> find(String orgId, String incidentId, String id) {
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c ->
            sql.one(
                c,
                "select "
                    + COLUMNS
                    + " from remediations where org_id = ? and incident_id = ? and id = ?",
                this::row,
                orgId,
                incidentId,
                id));
  }

  @Override
  public List<Remediation> list(String orgId, String incidentId) {
    return tx.readOrg(
        orgId,
        List.of(),
        c ->
            sql.list(
                c,
                "select "
                    + COLUMNS
                    + " from remediations where org_id = ? and incident_id = ?"
                    + " order by applied_at, id",
                this::row,
                orgId,
                incidentId));
  }

  @Override
  public boolean finish(
      String orgId, String id, boolean failed, String by, Instant at, String error) {
    if (Tenancy.none(orgId)) {
      return false;
    }
    return tx.write(
            Scope.org(orgId),
            c ->
                sql.update(
                    c,
                    "update remediations set status = ?, reverted_by = ?, reverted_at = ?,"
                        + " error = ? where org_id = ? and id = ? and status = ?",
                    (failed ? RemediationStatus.FAILED : RemediationStatus.REVERTED).wireName(),
                    by,
                    at,
                    error,
                    orgId,
                    id,
                    RemediationStatus.APPLIED.wireName()))
        > 0;
  }

  private static String snapshot(Remediation.Snapshot s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("settings", s.settings() == null ? null : SettingsJson.write(s.settings()));
    m.put("keyId", s.keyId());
    m.put("keyRateLimit", s.keyRateLimit() == null ? null : JsonNumber.of(s.keyRateLimit()));
    return JsonWriter.write(JsonObject.of(m));
  }

  private static Remediation.Snapshot snapshot(String text) {
    JsonObject o = JsonReader.readObject(text);
    JsonObject settings = o.object("settings");
    Object limit = o.get("keyRateLimit");
    return new Remediation.Snapshot(
        settings == null ? null : SettingsJson.parse(settings),
        o.string("keyId"),
        limit instanceof JsonNumber n ? (Integer) n.intValue() : null);
  }

  private Remediation row(ResultSet rs) throws SQLException {
    Dialect d = sql.dialect();
    return new Remediation(
        rs.getString("org_id"),
        rs.getString("id"),
        rs.getString("incident_id"),
        rs.getString("agent_id"),
        RemediationKind.fromWireName(rs.getString("kind")).orElseThrow(),
        JsonReader.readObject(rs.getString("params")),
        RemediationStatus.fromWireName(rs.getString("status")).orElseThrow(),
        snapshot(rs.getString("snapshot")),
        rs.getString("applied_by"),
        d.getInstant(rs, "applied_at"),
        rs.getString("reverted_by"),
        d.getInstant(rs, "reverted_at"),
        rs.getString("error"));
  }
}
