package ai.agentlens.core.budget;

import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.budget.BudgetStatus.Anomaly;
import ai.agentlens.core.budget.model.BreachAction;
import ai.agentlens.core.budget.model.BudgetBreach;
import ai.agentlens.core.budget.model.BudgetPeriod;
import ai.agentlens.core.budget.model.CostBudget;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.cost.CostBudgetStore;
import ai.agentlens.core.port.storage.AuditLog;
import ai.agentlens.core.port.storage.JobLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The periodic budget check: under the {@value #JOB} lease (one instance at a time), measures every
 * enabled budget and records each breach once per period and kind — in the breach history and the
 * audit log (action {@code cost_budget.breach}, actor {@code system}). {@code alert} only records;
 * {@code pause_agent} and {@code downgrade_model} are recorded as not executed because this build
 * has no agent controls to act on.
 */
public final class BudgetBreachJob {

  /** The lease name. */
  public static final String JOB = "cost-budget-check";

  /** How long the lease holds. */
  public static final Duration LEASE = Duration.ofMinutes(5);

  /** The action result when the agent cannot be acted on. */
  public static final String PENDING = "pending: agent controls not available";

  /** The action result of {@code alert}. */
  public static final String RECORDED = "alert recorded";

  private final CostBudgetStore store;
  private final BudgetMeter meter;
  private final BudgetAudit audit;
  private final JobLeases leases;
  private final Clock clock;
  private final Supplier<String> ids;
  private final String owner;

  /**
   * Creates the job.
   *
   * @param store the budgets
   * @param meter the spend measure
   * @param log the audit log
   * @param leases the job leases
   * @param clock the time
   * @param ids new ids
   * @param owner this instance's unique id
   */
  public BudgetBreachJob(
      CostBudgetStore store,
      BudgetMeter meter,
      AuditLog log,
      JobLeases leases,
      Clock clock,
      Supplier<String> ids,
      String owner) {
    this.store = store;
    this.meter = meter;
    this.audit = new BudgetAudit(log, ids);
    this.leases = leases;
    this.clock = clock;
    this.ids = ids;
    this.owner = owner;
  }

  /**
   * Checks every enabled budget if this instance gets the lease.
   *
   * @return the breaches newly recorded; empty when another instance holds the lease
   */
  public Optional<Integer> runOnce() {
    if (!leases.acquire(JOB, owner, LEASE)) {
      return Optional.empty();
    }
    try {
      int recorded = 0;
      for (String orgId : store.orgsWithEnabledBudgets()) {
        for (CostBudget b : store.list(orgId)) {
          if (b.enabled()) {
            recorded += check(b, clock.now());
          }
        }
      }
      return Optional.of(recorded);
    } finally {
      leases.release(JOB, owner);
    }
  }

  private int check(CostBudget b, Instant now) {
    BudgetStatus s = meter.status(b, now);
    int recorded = 0;
    if (s.breached()) {
      recorded +=
          record(
              b, s.periodKey(), BudgetBreach.LIMIT, s.spendUsd(), b.limitUsd(), s.sessionId(), now);
    }
    Anomaly a = s.anomaly();
    if (a != null && a.detected()) {
      String day = BudgetPeriod.DAILY.key(now);
      recorded +=
          record(
              b,
              day,
              BudgetBreach.ANOMALY,
              a.todayUsd(),
              BudgetStatus.round6(a.multiplier() * a.dailyMeanUsd()),
              null,
              now);
    }
    return recorded;
  }

  private int record(
      CostBudget b,
      String key,
      String kind,
      double spend,
      double threshold,
      String session,
      Instant now) {
    boolean alert = b.onBreach() == BreachAction.ALERT;
    BudgetBreach breach =
        new BudgetBreach(
            ids.get(),
            b.orgId(),
            b.id(),
            key,
            kind,
            spend,
            threshold,
            session,
            now,
            b.onBreach(),
            alert,
            alert ? RECORDED : PENDING);
    if (!store.recordBreach(breach)) {
      return 0;
    }
    Map<String, String> details = new TreeMap<>();
    details.put("kind", kind);
    details.put("periodKey", key);
    details.put("spendUsd", Double.toString(spend));
    details.put("thresholdUsd", Double.toString(threshold));
    details.put("onBreach", b.onBreach().wireName());
    details.put("actionExecuted", Boolean.toString(breach.actionExecuted()));
    details.put("actionResult", breach.actionResult());
    if (session != null) {
      details.put("sessionId", session);
    }
    audit.append(
        b.orgId(),
        ActorType.SYSTEM,
        "cost-budget-check",
        null,
        "cost_budget.breach",
        b.id(),
        now,
        details);
    return 1;
  }
}
