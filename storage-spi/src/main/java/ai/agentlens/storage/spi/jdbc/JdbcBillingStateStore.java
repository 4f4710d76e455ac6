package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.billing.BillingInterval;
import ai.agentlens.core.port.billing.BillingState;
import ai.agentlens.core.port.billing.BillingStateStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link BillingStateStore} in portable SQL (tables {@code org_billing}, {@code
 * billing_webhook_events}, {@code billing_overage_reports}). Exactly-once and idempotency are
 * {@code insert … on conflict do nothing} and its row count, atomic on both databases.
 */
public class JdbcBillingStateStore implements BillingStateStore {

  private static final String COLUMNS =
      "org_id, customer_id, subscription_id, status, plan, billing_interval, current_period_end,"
          + " trial_end, pending_plan, pending_at, payment_state, grace_until, trial_warned_at,"
          + " updated_at";

  private final Transactor tx;
  private final Sql sql;
  private final String orgIdsSql;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   * @param orgIdsSql a query whose first column lists every org id (run without a tenant scope)
   */
  public JdbcBillingStateStore(Transactor tx, Sql sql, String orgIdsSql) {
    this.tx = tx;
    this.sql = sql;
    this.orgIdsSql = orgIdsSql;
  }

  private static Plan plan(String s) {
    return s == null ? null : Plan.fromWireName(s).orElse(null);
  }

  private BillingState row(ResultSet rs) throws SQLException {
    Dialect d = sql.dialect();
    return new BillingState(
        rs.getString("org_id"),
        rs.getString("customer_id"),
        rs.getString("subscription_id"),
        rs.getString("status"),
        plan(rs.getString("plan")),
        BillingInterval.parse(rs.getString("billing_interval")).orElse(null),
        d.getInstant(rs, "current_period_end"),
        d.getInstant(rs, "trial_end"),
        plan(rs.getString("pending_plan")),
        d.getInstant(rs, "pending_at"),
        rs.getString("payment_state"),
        d.getInstant(rs, "grace_until"),
        d.getInstant(rs, "trial_warned_at"),
        d.getInstant(rs, "updated_at"));
  }

  @Override
  public Optional<BillingState> find(String orgId) {
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c ->
            sql.one(
                c, "select " + COLUMNS + " from org_billing where org_id = ?", this::row, orgId));
  }

  @Override
  public void save(BillingState s) {
    String org = Tenancy.require(s.orgId());
    tx.write(
        Scope.org(org),
        c ->
            sql.update(
                c,
                "insert into org_billing ("
                    + COLUMNS
                    + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?) on conflict (org_id) do update set"
                    + " customer_id = excluded.customer_id,"
                    + " subscription_id = excluded.subscription_id, status = excluded.status,"
                    + " plan = excluded.plan, billing_interval = excluded.billing_interval,"
                    + " current_period_end = excluded.current_period_end,"
                    + " trial_end = excluded.trial_end, pending_plan = excluded.pending_plan,"
                    + " pending_at = excluded.pending_at, payment_state = excluded.payment_state,"
                    + " grace_until = excluded.grace_until,"
                    + " trial_warned_at = excluded.trial_warned_at,"
                    + " updated_at = excluded.updated_at",
                org,
                s.customerId(),
                s.subscriptionId(),
                s.status(),
                s.plan() == null ? null : s.plan().wireName(),
                s.interval() == null ? null : s.interval().wireName(),
                Sql.instantOrNull(s.currentPeriodEnd()),
                Sql.instantOrNull(s.trialEnd()),
                s.pendingPlan() == null ? null : s.pendingPlan().wireName(),
                Sql.instantOrNull(s.pendingAt()),
                s.paymentState(),
                Sql.instantOrNull(s.graceUntil()),
                Sql.instantOrNull(s.trialWarnedAt()),
                s.updatedAt()));
  }

  @Override
  public boolean markProcessed(String eventId, String type, Instant at) {
    return tx.write(
            Scope.NONE,
            c ->
                sql.update(
                    c,
                    "insert into billing_webhook_events (event_id, type, processed_at)"
                        + " values (?,?,?) on conflict (event_id) do nothing",
                    eventId,
                    type,
                    at))
        == 1;
  }

  @Override
  public void unmarkProcessed(String eventId) {
    tx.write(
        Scope.NONE,
        c -> sql.update(c, "delete from billing_webhook_events where event_id = ?", eventId));
  }

  @Override
  public List<String> orgIds() {
    return tx.read(Scope.NONE, c -> sql.list(c, orgIdsSql, rs -> rs.getString(1)));
  }

  @Override
  public boolean recordOverage(
      String orgId, Instant hourStart, long events, String identifier, Instant at) {
    String org = Tenancy.require(orgId);
    return tx.write(
            Scope.org(org),
            c ->
                sql.update(
                    c,
                    "insert into billing_overage_reports"
                        + " (org_id, hour_start, events, identifier, reported_at)"
                        + " values (?,?,?,?,?) on conflict (org_id, hour_start) do nothing",
                    org,
                    hourStart,
                    events,
                    identifier,
                    at))
        == 1;
  }

  @Override
  public Map<Instant, Long> reportedOverage(String orgId, Instant from, Instant to) {
    List<Map.Entry<Instant, Long>> rows =
        tx.readOrg(
            orgId,
            List.of(),
            c ->
                sql.list(
                    c,
                    "select hour_start, events from billing_overage_reports"
                        + " where org_id = ? and hour_start >= ? and hour_start < ?",
                    rs ->
                        Map.entry(sql.dialect().getInstant(rs, "hour_start"), rs.getLong("events")),
                    orgId,
                    from,
                    to));
    Map<Instant, Long> out = new TreeMap<>();
    rows.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
