package ai.agentlens.core.budget;

import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.budget.BudgetStatus.Anomaly;
import ai.agentlens.core.budget.model.BreachAction;
import ai.agentlens.core.budget.model.BudgetBreach;
import ai.agentlens.core.budget.model.BudgetPeriod;
import ai.agentlens.core.budget.model.CostBudget;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.cost.CostBudgetStore;
import ai.agentlens.core.port.storage.AgentControlStore;
import ai.agentlens.core.port.storage.AuditLog;
import ai.agentlens.core.port.storage.JobLeases;
import ai.agentlens.core.port.storage.SessionStore;
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
 * {@code pause_agent} pauses the agent and {@code downgrade_model} sets its model override to the
 * budget's target model, through the same {@link AgentControlStore} the guardrail actions use. The
 * agent is the budget's, or for a budget over all agents the breaching session's agent; an anomaly
 * breach of such a budget names no agent and only records. The action runs once per breach: a
 * breach already recorded for the period is not acted on again (so an agent unpaused by a person
 * stays unpaused until the next period).
 */
public final class BudgetBreachJob {

  /** The lease name. */
  public static final String JOB = "cost-budget-check";

  /** How long the lease holds. */
  public static final Duration LEASE = Duration.ofMinutes(5);

  /** The action result when the agent cannot be acted on. */
  public static final String PENDING = "pending: agent controls not available";

  /** The action result when no agent can be named. */
  public static final String NO_AGENT = "not executed: no agent to act on";

  /** The action result of {@code alert}. */
  public static final String RECORDED = "alert recorded";

  private final CostBudgetStore store;
  private final BudgetMeter meter;
  private final BudgetAudit audit;
  private final JobLeases leases;
  private final Clock clock;
  private final Supplier<String> ids;
  private final String owner;
  private final AgentControlStore controls;
  private final SessionStore sessions;

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
    this(store, meter, log, leases, clock, ids, owner, null, null);
  }

  /**
   * Creates the job acting on agents.
   *
   * @param store the budgets
   * @param meter the spend measure
   * @param log the audit log
   * @param leases the job leases
   * @param clock the time
   * @param ids new ids
   * @param owner this instance's unique id
   * @param controls agent pause and model override, or {@code null} to record actions as pending
   * @param sessions sessions, to name the agent of a breaching session
   */
  public BudgetBreachJob(
      CostBudgetStore store,
      BudgetMeter meter,
      AuditLog log,
      JobLeases leases,
      Clock clock,
      Supplier<String> ids,
      String owner,
      AgentControlStore controls,
      SessionStore sessions) {
    this.controls = controls;
    this.sessions = sessions;
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
    if (!alert
        && store.breaches(b.orgId(), b.id(), 50).stream()
            .anyMatch(
                x ->
                    x.budgetId().equals(b.id())
                        && x.periodKey().equals(key)
                        && x.kind().equals(kind))) {
      return 0;
    }
    String result = alert ? RECORDED : act(b, session, now);
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
            alert || result.equals("paused") || result.startsWith("model override set"),
            result);
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

  private String act(CostBudget b, String session, Instant now) {
    if (controls == null) {
      return PENDING;
    }
    String agent = b.agentId();
    if (agent == null && session != null && sessions != null) {
      agent = sessions.find(b.orgId(), session).map(s -> s.agentId()).orElse(null);
    }
    if (agent == null) {
      return NO_AGENT;
    }
    if (b.onBreach() == BreachAction.PAUSE_AGENT) {
      String reason = "cost budget " + b.id() + ": limit " + b.limitUsd() + " USD reached";
      return controls.pause(b.orgId(), agent, now, reason) ? "paused" : "agent not found";
    }
    return controls.overrideModel(b.orgId(), agent, b.targetModel())
        ? "model override set to " + b.targetModel()
        : "agent not found";
  }
}
