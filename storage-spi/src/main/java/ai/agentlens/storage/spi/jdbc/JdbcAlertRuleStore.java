package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.alert.AlertCondition;
import ai.agentlens.core.alert.AlertRule;
import ai.agentlens.core.error.NotFoundException;
import ai.agentlens.core.json.Json;
import ai.agentlens.core.port.alerting.AlertRuleStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@link AlertRuleStore} in portable SQL (table {@code alert_rules}; tags and channels as JSON
 * string arrays). Deleting a rule deletes its {@code alert_history} rows in the same transaction.
 */
public class JdbcAlertRuleStore implements AlertRuleStore {

  private static final String COLUMNS =
      "org_id, id, name, enabled, condition_type, threshold, window_minutes, agent_id, tags,"
          + " notify_channels, created_at, updated_at, webhook_secret";

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcAlertRuleStore(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public void create(AlertRule r) {
    String org = Tenancy.require(r.orgId());
    AlertRule.AlertSpec s = r.spec();
    tx.write(
        Scope.org(org),
        c -> {
          if (sql.one(c, "select id from orgs where id = ?", rs -> rs.getString(1), org)
              .isEmpty()) {
            throw new NotFoundException("no org " + org);
          }
          return sql.update(
              c,
              "insert into alert_rules (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
              org,
              r.id(),
              s.name(),
              s.enabled(),
              s.condition().wireName(),
              s.threshold(),
              s.windowMinutes(),
              s.agentId(),
              Json.stringArray(s.tags()),
              Json.stringArray(s.notifyChannels()),
              r.createdAt(),
              r.updatedAt(),
              s.webhookSecret());
        });
  }

  @Override
  public Optional<AlertRule> find(String orgId, String ruleId) {
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c ->
            sql.one(
                c,
                "select " + COLUMNS + " from alert_rules where org_id = ? and id = ?",
                this::row,
                orgId,
                ruleId));
  }

  @Override
  public List<AlertRule> list(String orgId, boolean enabledOnly) {
    return tx.readOrg(
        orgId,
        List.of(),
        c ->
            sql.list(
                c,
                "select "
                    + COLUMNS
                    + " from alert_rules where org_id = ?"
                    + (enabledOnly ? " and enabled = ?" : "")
                    + " order by created_at, id",
                this::row,
                enabledOnly ? new Object[] {orgId, true} : new Object[] {orgId}));
  }

  @Override
  public boolean update(AlertRule r) {
    if (Tenancy.none(r.orgId())) {
      return false;
    }
    AlertRule.AlertSpec s = r.spec();
    return tx.write(
            Scope.org(r.orgId()),
            c ->
                sql.update(
                    c,
                    "update alert_rules set name = ?, enabled = ?, condition_type = ?,"
                        + " threshold = ?, window_minutes = ?, agent_id = ?, tags = ?,"
                        + " notify_channels = ?, updated_at = ?, webhook_secret = ?"
                        + " where org_id = ? and id = ?",
                    s.name(),
                    s.enabled(),
                    s.condition().wireName(),
                    s.threshold(),
                    s.windowMinutes(),
                    s.agentId(),
                    Json.stringArray(s.tags()),
                    Json.stringArray(s.notifyChannels()),
                    r.updatedAt(),
                    s.webhookSecret(),
                    r.orgId(),
                    r.id()))
        == 1;
  }

  @Override
  public boolean delete(String orgId, String ruleId) {
    if (Tenancy.none(orgId)) {
      return false;
    }
    return tx.write(
            Scope.org(orgId),
            c -> {
              sql.update(
                  c, "delete from alert_history where org_id = ? and rule_id = ?", orgId, ruleId);
              return sql.update(
                  c, "delete from alert_rules where org_id = ? and id = ?", orgId, ruleId);
            })
        == 1;
  }

  private AlertRule row(ResultSet rs) throws SQLException {
    String condition = rs.getString("condition_type");
    return new AlertRule(
        rs.getString("id"),
        rs.getString("org_id"),
        new AlertRule.AlertSpec(
            rs.getString("name"),
            rs.getBoolean("enabled"),
            AlertCondition.fromWireName(condition)
                .orElseThrow(() -> new IllegalStateException("unknown condition " + condition)),
            rs.getDouble("threshold"),
            rs.getInt("window_minutes"),
            rs.getString("agent_id"),
            Json.parseStringArray(rs.getString("tags")),
            Json.parseStringArray(rs.getString("notify_channels")),
            rs.getString("webhook_secret")),
        sql.dialect().getInstant(rs, "created_at"),
        sql.dialect().getInstant(rs, "updated_at"));
  }
}
