package ai.agentlens.core.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditQuery;
import ai.agentlens.core.budget.model.BudgetBreach;
import ai.agentlens.core.budget.model.CostBudget;
import ai.agentlens.core.budget.model.SessionSpend;
import ai.agentlens.core.guardrail.model.AgentControl;
import ai.agentlens.core.optimize.model.CallGroup;
import ai.agentlens.core.port.cost.CostAnalytics;
import ai.agentlens.core.port.cost.CostBudgetStore;
import ai.agentlens.core.port.storage.AgentControlStore;
import ai.agentlens.core.port.storage.AuditLog;
import ai.agentlens.core.port.storage.JobLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The meter and the breach job on in-memory fakes: spend math, once per period, actions. */
class BudgetBreachJobTest {

  private static final Instant NOW = Instant.parse("2026-12-02T08:40:00Z");
  private static final Instant DAY = Instant.parse("2026-12-02T00:00:00Z");

  /** Spend per (from) instant: the meter asks for the day, and for the 7 days before it. */
  private final Map<Instant, Double> spendFrom = new LinkedHashMap<>();

  private final AtomicReference<Optional<SessionSpend>> topSession =
      new AtomicReference<>(Optional.empty());
  private final List<Instant> sessionStarts = new ArrayList<>();

  private final CostAnalytics analytics =
      new CostAnalytics() {
        @Override
        public List<CallGroup> callGroups(String o, String a, Instant f, Instant t) {
          return List.of();
        }

        @Override
        public double spend(String o, String a, Instant from, Instant to) {
          return spendFrom.getOrDefault(from, 0.0);
        }

        @Override
        public Optional<SessionSpend> topOpenSession(String o, String a, Instant startedFrom) {
          sessionStarts.add(startedFrom);
          return topSession.get();
        }
      };

  private final Map<String, CostBudget> budgets = new LinkedHashMap<>();
  private final Map<String, BudgetBreach> breaches = new LinkedHashMap<>();
  private final List<AuditEntry> audit = new ArrayList<>();

  private final CostBudgetStore store =
      new CostBudgetStore() {
        @Override
        public void create(CostBudget b) {
          budgets.put(b.id(), b);
        }

        @Override
        public Optional<CostBudget> find(String orgId, String id) {
          return Optional.ofNullable(budgets.get(id));
        }

        @Override
        public List<CostBudget> list(String orgId) {
          return List.copyOf(budgets.values());
        }

        @Override
        public boolean update(CostBudget b) {
          return budgets.replace(b.id(), b) != null;
        }

        @Override
        public boolean delete(String orgId, String id) {
          return budgets.remove(id) != null;
        }

        @Override
        public List<String> orgsWithEnabledBudgets() {
          return budgets.values().stream()
              .filter(CostBudget::enabled)
              .map(CostBudget::orgId)
              .distinct()
              .toList();
        }

        @Override
        public boolean recordBreach(BudgetBreach b) {
          return breaches.putIfAbsent(b.budgetId() + "|" + b.periodKey() + "|" + b.kind(), b)
              == null;
        }

        @Override
        public List<BudgetBreach> breaches(String orgId, String budgetId, int limit) {
          return List.copyOf(breaches.values());
        }
      };

  private final AuditLog log =
      new AuditLog() {
        @Override
        public void append(AuditEntry e) {
          audit.add(e);
        }

        @Override
        public List<AuditEntry> query(String orgId, AuditQuery q) {
          return audit;
        }

        @Override
        public int anonymizeActor(String userId, Instant at) {
          return 0;
        }
      };

  private final AtomicInteger ids = new AtomicInteger();
  private final AtomicReference<Boolean> leaseFree = new AtomicReference<>(true);
  private final JobLeases leases =
      new JobLeases() {
        @Override
        public boolean acquire(String job, String owner, Duration ttl) {
          return leaseFree.get();
        }

        @Override
        public void release(String job, String owner) {}
      };

  /** Agent "bot" exists; what the job set on it. */
  private final Map<String, String> agentSet = new LinkedHashMap<>();

  private final AgentControlStore controls =
      new AgentControlStore() {
        @Override
        public Optional<AgentControl> find(String orgId, String agentId) {
          return Optional.empty();
        }

        @Override
        public boolean pause(String orgId, String agentId, Instant at, String reason) {
          if (!agentId.equals("bot")) {
            return false;
          }
          agentSet.putIfAbsent("paused", reason);
          return true;
        }

        @Override
        public boolean unpause(String orgId, String agentId) {
          return agentSet.remove("paused") != null;
        }

        @Override
        public boolean overrideModel(String orgId, String agentId, String model) {
          agentSet.put("model", model);
          return agentId.equals("bot");
        }

        @Override
        public boolean rateLimit(String orgId, String agentId, int perMinute, Instant until) {
          return false;
        }

        @Override
        public Map<String, Integer> activeRateLimits(String orgId, Instant now) {
          return Map.of();
        }

        @Override
        public boolean policy(String orgId, String agentId, String policy) {
          return false;
        }

        @Override
        public Map<String, AgentControl> controlled(String orgId) {
          return Map.of();
        }
      };

  private BudgetBreachJob job(Instant now) {
    return new BudgetBreachJob(
        store,
        new BudgetMeter(analytics),
        log,
        leases,
        () -> now,
        () -> "id" + ids.incrementAndGet(),
        "me",
        controls,
        null);
  }

  private BudgetBreachJob withoutControls(Instant now) {
    return new BudgetBreachJob(
        store,
        new BudgetMeter(analytics),
        log,
        leases,
        () -> now,
        () -> "id" + ids.incrementAndGet(),
        "me");
  }

  private CostBudget budget(
      String id, String scope, String period, double limit, String action, Double m) {
    CostBudget b =
        BudgetRules.create(
            id,
            "o1",
            new BudgetDraft(
                scope,
                "bot",
                period,
                limit,
                action,
                m,
                false,
                null,
                action.equals("downgrade_model") ? "gpt-4o-mini" : null),
            NOW);
    store.create(b);
    return b;
  }

  @Test
  void anAgentBudgetBreachesOncePerPeriodAndAlertsOnlyRecord() {
    CostBudget b = budget("b1", "agent", "daily", 5.0, "alert", null);
    spendFrom.put(DAY, 4.0);
    BudgetStatus s = new BudgetMeter(analytics).status(b, NOW);
    assertThat(s.spendUsd()).isEqualTo(4.0);
    assertThat(s.percent()).isEqualTo(80.0);
    assertThat(s.breached()).isFalse();
    assertThat(job(NOW).runOnce()).contains(0);
    spendFrom.put(DAY, 5.5);
    assertThat(job(NOW).runOnce()).contains(1);
    assertThat(job(NOW.plusSeconds(60)).runOnce()).contains(0);
    BudgetBreach br = breaches.values().iterator().next();
    assertThat(br.periodKey()).isEqualTo("2026-12-02");
    assertThat(br.kind()).isEqualTo(BudgetBreach.LIMIT);
    assertThat(br.spendUsd()).isEqualTo(5.5);
    assertThat(br.thresholdUsd()).isEqualTo(5.0);
    assertThat(br.actionExecuted()).isTrue();
    assertThat(br.actionResult()).isEqualTo(BudgetBreachJob.RECORDED);
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).action()).isEqualTo("cost_budget.breach");
    assertThat(audit.get(0).targetId()).isEqualTo("b1");
    // the next day is a new period
    spendFrom.put(DAY.plus(Duration.ofDays(1)), 6.0);
    assertThat(job(NOW.plus(Duration.ofDays(1))).runOnce()).contains(1);
    // another instance holds the lease: nothing runs
    leaseFree.set(false);
    assertThat(job(NOW).runOnce()).isEmpty();
  }

  @Test
  void pausePausesTheAgentOncePerPeriodAndDisabledBudgetsAreSkipped() {
    budget("b1", "agent", "monthly", 1.0, "pause_agent", null);
    CostBudget off = budget("b2", "agent", "monthly", 1.0, "downgrade_model", null);
    store.update(
        BudgetRules.update(
            off, new BudgetDraft(null, null, null, null, null, null, false, false), NOW));
    spendFrom.put(Instant.parse("2026-12-01T00:00:00Z"), 2.0);
    assertThat(job(NOW).runOnce()).contains(1);
    BudgetBreach br = breaches.values().iterator().next();
    assertThat(br.budgetId()).isEqualTo("b1");
    assertThat(br.periodKey()).isEqualTo("2026-12");
    assertThat(br.actionExecuted()).isTrue();
    assertThat(br.actionResult()).isEqualTo("paused");
    assertThat(agentSet).containsOnlyKeys("paused");
    assertThat(agentSet.get("paused")).contains("b1");
    // a person unpauses it: the breach of this period is not acted on again
    controls.unpause("o1", "bot");
    assertThat(job(NOW.plusSeconds(60)).runOnce()).contains(0);
    assertThat(agentSet).isEmpty();
  }

  @Test
  void downgradeSetsTheTargetModelAndWithoutControlsActionsArePending() {
    assertThatThrownBy(
            () ->
                BudgetRules.create(
                    "x",
                    "o1",
                    new BudgetDraft(
                        "agent", "bot", "daily", 1.0, "downgrade_model", null, false, null),
                    NOW))
        .isInstanceOf(InvalidBudgetException.class);
    budget("b3", "agent", "monthly", 1.0, "downgrade_model", null);
    spendFrom.put(Instant.parse("2026-12-01T00:00:00Z"), 2.0);
    assertThat(job(NOW).runOnce()).contains(1);
    BudgetBreach br = breaches.values().iterator().next();
    assertThat(br.actionExecuted()).isTrue();
    assertThat(br.actionResult()).isEqualTo("model override set to gpt-4o-mini");
    assertThat(agentSet).containsEntry("model", "gpt-4o-mini");
    budget("b4", "agent", "monthly", 1.0, "pause_agent", null);
    assertThat(withoutControls(NOW).runOnce()).contains(1);
    assertThat(breaches.get("b4|2026-12|limit").actionResult()).isEqualTo(BudgetBreachJob.PENDING);
    assertThat(breaches.get("b4|2026-12|limit").actionExecuted()).isFalse();
  }

  @Test
  void aSessionBudgetMeasuresTheMostExpensiveOpenSession() {
    CostBudget b = budget("s1", "session", "session", 2.0, "alert", null);
    BudgetStatus none = new BudgetMeter(analytics).status(b, NOW);
    assertThat(none.spendUsd()).isZero();
    assertThat(none.breached()).isFalse();
    assertThat(none.sessionId()).isNull();
    topSession.set(Optional.of(new SessionSpend("sess-9", 2.25)));
    BudgetStatus s = new BudgetMeter(analytics).status(b, NOW);
    assertThat(s.breached()).isTrue();
    assertThat(s.percent()).isEqualTo(112.5);
    assertThat(s.periodKey()).isEqualTo("session:sess-9");
    assertThat(s.periodStart()).isNull();
    assertThat(job(NOW).runOnce()).contains(1);
    assertThat(job(NOW).runOnce()).contains(0);
    assertThat(breaches.values().iterator().next().sessionId()).isEqualTo("sess-9");
    // a daily session budget only looks at sessions started today, keyed by day and session
    CostBudget daily = budget("s2", "session", "daily", 2.0, "alert", null);
    assertThat(new BudgetMeter(analytics).status(daily, NOW).periodKey())
        .isEqualTo("2026-12-02:sess-9");
    assertThat(sessionStarts).contains(DAY);
  }

  @Test
  void anAnomalyIsABreachOfItsOwnOncePerDay() {
    budget("a1", "agent", "monthly", 1000.0, "alert", 3.0);
    // previous 7 days: $14 → mean $2 → threshold $6; today $7
    spendFrom.put(DAY.minus(Duration.ofDays(7)), 14.0);
    spendFrom.put(DAY, 7.0);
    assertThat(job(NOW).runOnce()).contains(1);
    assertThat(job(NOW).runOnce()).contains(0);
    BudgetBreach br = breaches.values().iterator().next();
    assertThat(br.kind()).isEqualTo(BudgetBreach.ANOMALY);
    assertThat(br.periodKey()).isEqualTo("2026-12-02");
    assertThat(br.spendUsd()).isEqualTo(7.0);
    assertThat(br.thresholdUsd()).isEqualTo(6.0);
  }
}
