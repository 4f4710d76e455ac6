package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.alert.AlertCondition;
import ai.agentlens.core.alert.AlertFiring;
import ai.agentlens.core.json.Json;
import ai.agentlens.core.port.alerting.AlertHistory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link AlertHistory} in portable SQL (table {@code alert_history}). Deliveries are two JSON
 * string arrays of equal length: the channels, and per channel the error ({@code ""} when
 * delivered).
 */
public class JdbcAlertHistory implements AlertHistory {

  private static final String COLUMNS =
      "id, rule_id, rule_name, condition_type, measured_value, threshold, window_from,"
          + " triggered_at, delivery_channels, delivery_errors";

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcAlertHistory(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public void append(String orgId, AlertFiring f) {
    String org = Tenancy.require(orgId);
    List<String> channels = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (AlertFiring.Delivery d : f.deliveries()) {
      channels.add(d.channel());
      errors.add(d.ok() ? "" : (d.error() == null || d.error().isEmpty() ? "failed" : d.error()));
    }
    tx.write(
        Scope.org(org),
        c ->
            sql.update(
                c,
                "insert into alert_history (org_id, "
                    + COLUMNS
                    + ") values (?,?,?,?,?,?,?,?,?,?,?)",
                org,
                f.id(),
                f.ruleId(),
                f.ruleName(),
                f.condition().wireName(),
                f.value(),
                f.threshold(),
                f.windowFrom(),
                f.triggeredAt(),
                Json.stringArray(channels),
                Json.stringArray(errors)));
  }

  @Override
  public Optional<Instant> lastFired(String orgId, String ruleId) {
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c ->
            sql.one(
                c,
                "select triggered_at from alert_history where org_id = ? and rule_id = ?"
                    + " order by triggered_at desc limit 1",
                rs -> sql.dialect().getInstant(rs, "triggered_at"),
                orgId,
                ruleId));
  }

  @Override
  public Page list(String orgId, String ruleId, int limit, int offset) {
    if (limit <= 0 || offset < 0) {
      throw new IllegalArgumentException("limit must be > 0 and offset >= 0");
    }
    String where = " where org_id = ?" + (ruleId == null ? "" : " and rule_id = ?");
    Object[] args = ruleId == null ? new Object[] {orgId} : new Object[] {orgId, ruleId};
    return tx.readOrg(
        orgId,
        new Page(List.of(), 0),
        c -> {
          long total =
              sql.one(c, "select count(*) from alert_history" + where, rs -> rs.getLong(1), args)
                  .orElse(0L);
          Object[] paged = java.util.Arrays.copyOf(args, args.length + 2);
          paged[args.length] = limit;
          paged[args.length + 1] = offset;
          List<AlertFiring> rows =
              sql.list(
                  c,
                  "select "
                      + COLUMNS
                      + " from alert_history"
                      + where
                      + " order by triggered_at desc, id desc limit ? offset ?",
                  this::row,
                  paged);
          return new Page(rows, total);
        });
  }

  private AlertFiring row(ResultSet rs) throws SQLException {
    List<String> channels = Json.parseStringArray(rs.getString("delivery_channels"));
    List<String> errors = Json.parseStringArray(rs.getString("delivery_errors"));
    List<AlertFiring.Delivery> deliveries = new ArrayList<>();
    for (int i = 0; i < channels.size(); i++) {
      String e = i < errors.size() ? errors.get(i) : "";
      deliveries.add(
          new AlertFiring.Delivery(channels.get(i), e.isEmpty(), e.isEmpty() ? null : e));
    }
    String condition = rs.getString("condition_type");
    return new AlertFiring(
        rs.getString("id"),
        rs.getString("rule_id"),
        rs.getString("rule_name"),
        AlertCondition.fromWireName(condition)
            .orElseThrow(() -> new IllegalStateException("unknown condition " + condition)),
        rs.getDouble("measured_value"),
        rs.getDouble("threshold"),
        sql.dialect().getInstant(rs, "window_from"),
        sql.dialect().getInstant(rs, "triggered_at"),
        deliveries);
  }
}
