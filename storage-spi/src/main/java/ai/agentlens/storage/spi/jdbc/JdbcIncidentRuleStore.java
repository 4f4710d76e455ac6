package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.error.NotFoundException;
import ai.agentlens.core.incident.model.IncidentRule;
import ai.agentlens.core.incident.model.IncidentSeverity;
import ai.agentlens.core.incident.model.TriggerType;
import ai.agentlens.core.port.incident.IncidentRuleStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@link IncidentRuleStore} in portable SQL (table {@code incident_rules}). */
public class JdbcIncidentRuleStore implements IncidentRuleStore {

  private static final String COLUMNS =
      "org_id, id, rule_type, threshold, window_minutes, severity, agent_id, enabled, created_at,"
          + " updated_at";

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcIncidentRuleStore(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public void create(IncidentRule r) {
    String org = Tenancy.require(r.orgId());
    tx.write(
        Scope.org(org),
        c -> {
          if (sql.one(c, "select id from orgs where id = ?", rs -> rs.getString(1), org)
              .isEmpty()) {
            throw new NotFoundException("no org " + org);
          }
          return sql.update(
              c,
              "insert into incident_rules (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?)",
              org,
              r.id(),
              r.type().wireName(),
              r.threshold(),
              r.windowMinutes(),
              r.severity().wireName(),
              r.agentId(),
              r.enabled(),
              r.createdAt(),
              r.updatedAt());
        });
  }

  @Override
  public Optional<IncidentRule> find(String orgId, String id) {
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c ->
            sql.one(
                c,
                "select " + COLUMNS + " from incident_rules where org_id = ? and id = ?",
                this::row,
                orgId,
                id));
  }

  @Override
  public List<IncidentRule> list(String orgId, boolean enabledOnly) {
    return tx.readOrg(
        orgId,
        List.of(),
        c ->
            sql.list(
                c,
                "select "
                    + COLUMNS
                    + " from incident_rules where org_id = ?"
                    + (enabledOnly ? " and enabled = ?" : "")
                    + " order by created_at, id",
                this::row,
                enabledOnly ? new Object[] {orgId, true} : new Object[] {orgId}));
  }

  @Override
  public boolean update(IncidentRule r) {
    if (Tenancy.none(r.orgId())) {
      return false;
    }
    return tx.write(
            Scope.org(r.orgId()),
            c ->
                sql.update(
                    c,
                    "update incident_rules set rule_type = ?, threshold = ?, window_minutes = ?,"
                        + " severity = ?, agent_id = ?, enabled = ?, updated_at = ?"
                        + " where org_id = ? and id = ?",
                    r.type().wireName(),
                    r.threshold(),
                    r.windowMinutes(),
                    r.severity().wireName(),
                    r.agentId(),
                    r.enabled(),
                    r.updatedAt(),
                    r.orgId(),
                    r.id()))
        == 1;
  }

  @Override
  public boolean delete(String orgId, String id) {
    if (Tenancy.none(orgId)) {
      return false;
    }
    return tx.write(
            Scope.org(orgId),
            c -> sql.update(c, "delete from incident_rules where org_id = ? and id = ?", orgId, id))
        == 1;
  }

  private IncidentRule row(ResultSet rs) throws SQLException {
    String type = rs.getString("rule_type");
    String severity = rs.getString("severity");
    return new IncidentRule(
        rs.getString("id"),
        rs.getString("org_id"),
        TriggerType.fromWireName(type)
            .orElseThrow(() -> new IllegalStateException("unknown rule type " + type)),
        rs.getDouble("threshold"),
        rs.getInt("window_minutes"),
        IncidentSeverity.fromWireName(severity)
            .orElseThrow(() -> new IllegalStateException("unknown severity " + severity)),
        rs.getString("agent_id"),
        rs.getBoolean("enabled"),
        sql.dialect().getInstant(rs, "created_at"),
        sql.dialect().getInstant(rs, "updated_at"));
  }
}
