package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.budget.model.BreachAction;
import ai.agentlens.core.budget.model.BudgetBreach;
import ai.agentlens.core.budget.model.BudgetPeriod;
import ai.agentlens.core.budget.model.BudgetScope;
import ai.agentlens.core.budget.model.CostBudget;
import ai.agentlens.core.port.cost.CostBudgetStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@link CostBudgetStore} in portable SQL (tables {@code cost_budgets}, {@code
 * cost_budget_breaches}). A breach is recorded once per (budget, period key, kind) by {@code insert
 * … on conflict do nothing} on that unique key; nullable doubles are bound through {@code cast(? as
 * double precision)} so that a NULL is typed on every backend.
 */
public class JdbcCostBudgetStore implements CostBudgetStore {

  private static final String COLUMNS =
      "id, org_id, scope, agent_id, period, limit_usd, on_breach, anomaly_multiplier, enabled,"
          + " created_at, updated_at, target_model";

  private static final String BREACH_COLUMNS =
      "id, org_id, budget_id, period_key, kind, spend_usd, threshold_usd, session_id, breached_at,"
          + " action, action_executed, action_result";

  private final Transactor tx;
  private final Sql sql;
  private final String orgIdsSql;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   * @param orgIdsSql a query whose first column lists the orgs with an enabled budget, run without
   *     a tenant scope (PostgreSQL: a security-definer function, since RLS hides the rows)
   */
  public JdbcCostBudgetStore(Transactor tx, Sql sql, String orgIdsSql) {
    this.tx = tx;
    this.sql = sql;
    this.orgIdsSql = orgIdsSql;
  }

  /**
   * Creates the store with the portable org query ({@code select distinct org_id …}).
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcCostBudgetStore(Transactor tx, Sql sql) {
    this(tx, sql, "select distinct org_id from cost_budgets where enabled");
  }

  private CostBudget budget(ResultSet rs) throws SQLException {
    double m = rs.getDouble("anomaly_multiplier");
    Double multiplier = rs.wasNull() ? null : m;
    return new CostBudget(
        rs.getString("id"),
        rs.getString("org_id"),
        BudgetScope.parse(rs.getString("scope")).orElseThrow(),
        rs.getString("agent_id"),
        BudgetPeriod.parse(rs.getString("period")).orElseThrow(),
        rs.getDouble("limit_usd"),
        BreachAction.parse(rs.getString("on_breach")).orElseThrow(),
        multiplier,
        rs.getBoolean("enabled"),
        sql.dialect().getInstant(rs, "created_at"),
        sql.dialect().getInstant(rs, "updated_at"),
        rs.getString("target_model"));
  }

  private BudgetBreach breach(ResultSet rs) throws SQLException {
    return new BudgetBreach(
        rs.getString("id"),
        rs.getString("org_id"),
        rs.getString("budget_id"),
        rs.getString("period_key"),
        rs.getString("kind"),
        rs.getDouble("spend_usd"),
        rs.getDouble("threshold_usd"),
        rs.getString("session_id"),
        sql.dialect().getInstant(rs, "breached_at"),
        BreachAction.parse(rs.getString("action")).orElseThrow(),
        rs.getBoolean("action_executed"),
        rs.getString("action_result"));
  }

  @Override
  public void create(CostBudget b) {
    String org = Tenancy.require(b.orgId());
    tx.write(
        Scope.org(org),
        c ->
            sql.update(
                c,
                "insert into cost_budgets ("
                    + COLUMNS
                    + ") values (?,?,?,?,?,?,?,cast(? as double precision),?,?,?,?)",
                b.id(),
                org,
                b.scope().wireName(),
                b.agentId(),
                b.period().wireName(),
                b.limitUsd(),
                b.onBreach().wireName(),
                b.anomalyMultiplier(),
                b.enabled(),
                b.createdAt(),
                b.updatedAt(),
                b.targetModel()));
  }

  @Override
  public Optional<CostBudget> find(String orgId, String id) {
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c ->
            sql.one(
                c,
                "select " + COLUMNS + " from cost_budgets where org_id = ? and id = ?",
                this::budget,
                orgId,
                id));
  }

  @Override
  public List<CostBudget> list(String orgId) {
    return tx.readOrg(
        orgId,
        List.of(),
        c ->
            sql.list(
                c,
                "select " + COLUMNS + " from cost_budgets where org_id = ? order by created_at, id",
                this::budget,
                orgId));
  }

  @Override
  public boolean update(CostBudget b) {
    if (Tenancy.none(b.orgId())) {
      return false;
    }
    return tx.write(
            Scope.org(b.orgId()),
            c ->
                sql.update(
                    c,
                    "update cost_budgets set scope = ?, agent_id = ?, period = ?, limit_usd = ?,"
                        + " on_breach = ?, anomaly_multiplier = cast(? as double precision),"
                        + " enabled = ?, updated_at = ?, target_model = ? where org_id = ? and id = ?",
                    b.scope().wireName(),
                    b.agentId(),
                    b.period().wireName(),
                    b.limitUsd(),
                    b.onBreach().wireName(),
                    b.anomalyMultiplier(),
                    b.enabled(),
                    b.updatedAt(),
                    b.targetModel(),
                    b.orgId(),
                    b.id()))
        > 0;
  }

  @Override
  public boolean delete(String orgId, String id) {
    if (Tenancy.none(orgId)) {
      return false;
    }
    return tx.write(
            Scope.org(orgId),
            c -> {
              sql.update(
                  c,
                  "delete from cost_budget_breaches where org_id = ? and budget_id = ?",
                  orgId,
                  id);
              return sql.update(
                  c, "delete from cost_budgets where org_id = ? and id = ?", orgId, id);
            })
        > 0;
  }

  @Override
  public List<String> orgsWithEnabledBudgets() {
    return tx.read(Scope.NONE, c -> sql.list(c, orgIdsSql, rs -> rs.getString(1)));
  }

  @Override
  public boolean recordBreach(BudgetBreach b) {
    if (Tenancy.none(b.orgId())) {
      return false;
    }
    return tx.write(
            Scope.org(b.orgId()),
            c ->
                sql.update(
                    c,
                    "insert into cost_budget_breaches ("
                        + BREACH_COLUMNS
                        + ") select ?,?,?,?,?,?,?,?,?,?,?,? where exists (select 1 from"
                        + " cost_budgets where org_id = ? and id = ?)"
                        + " on conflict (org_id, budget_id, period_key, kind) do nothing",
                    b.id(),
                    b.orgId(),
                    b.budgetId(),
                    b.periodKey(),
                    b.kind(),
                    b.spendUsd(),
                    b.thresholdUsd(),
                    b.sessionId(),
                    b.breachedAt(),
                    b.action().wireName(),
                    b.actionExecuted(),
                    b.actionResult(),
                    b.orgId(),
                    b.budgetId()))
        > 0;
  }

  @Override
  public List<BudgetBreach> breaches(String orgId, String budgetId, int limit) {
    return tx.readOrg(
        orgId,
        List.of(),
        c ->
            sql.list(
                c,
                "select "
                    + BREACH_COLUMNS
                    + " from cost_budget_breaches where org_id = ? and budget_id = ?"
                    + " order by breached_at desc, id desc limit ?",
                this::breach,
                orgId,
                budgetId,
                Math.max(1, limit)));
  }
}
