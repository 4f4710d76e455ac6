package ai.agentlens.core.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.budget.model.BreachAction;
import ai.agentlens.core.budget.model.BudgetPeriod;
import ai.agentlens.core.budget.model.BudgetScope;
import ai.agentlens.core.budget.model.CostBudget;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Periods, validation, percent and anomaly rules against hand-computed examples. */
class BudgetRulesTest {

  private static final Instant WED = Instant.parse("2026-12-02T08:40:00Z");
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void periodsAreUtcCalendarSpans() {
    assertThat(BudgetPeriod.DAILY.start(WED)).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
    assertThat(BudgetPeriod.DAILY.end(WED)).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
    assertThat(BudgetPeriod.DAILY.key(WED)).isEqualTo("2026-12-02");
    // 2026-12-02 is a Wednesday of ISO week 49; the week starts Monday 2026-11-30
    assertThat(BudgetPeriod.WEEKLY.start(WED)).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
    assertThat(BudgetPeriod.WEEKLY.end(WED)).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
    assertThat(BudgetPeriod.WEEKLY.key(WED)).isEqualTo("2026-W49");
    // 2027-01-01 (a Friday) still belongs to ISO week 53 of 2026
    assertThat(BudgetPeriod.WEEKLY.key(Instant.parse("2027-01-01T12:00:00Z")))
        .isEqualTo("2026-W53");
    assertThat(BudgetPeriod.MONTHLY.start(WED)).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(BudgetPeriod.MONTHLY.end(WED)).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    assertThat(BudgetPeriod.MONTHLY.key(WED)).isEqualTo("2026-12");
    assertThat(BudgetPeriod.SESSION.start(WED)).isNull();
    assertThat(BudgetPeriod.SESSION.end(WED)).isNull();
    assertThat(BudgetPeriod.SESSION.key(WED)).isEqualTo("session");
    assertThat(BudgetPeriod.parse("weekly")).contains(BudgetPeriod.WEEKLY);
    assertThat(BudgetPeriod.parse("Weekly")).isEmpty();
    assertThat(BudgetScope.parse("agent")).contains(BudgetScope.AGENT);
    assertThat(BreachAction.parse("pause_agent")).contains(BreachAction.PAUSE_AGENT);
    assertThat(BreachAction.parse("pause")).isEmpty();
  }

  private static BudgetDraft draft(
      String scope, String agent, String period, Double limit, String action, Double m) {
    return new BudgetDraft(scope, agent, period, limit, action, m, false, null);
  }

  private static List<String> paths(BudgetDraft d) {
    try {
      BudgetRules.create("b1", "o1", d, T);
      return List.of();
    } catch (InvalidBudgetException e) {
      return e.problems().stream().map(InvalidBudgetException.Problem::path).toList();
    }
  }

  @Test
  void createsWithDefaults() {
    CostBudget b =
        BudgetRules.create("b1", "o1", draft("agent", " bot ", "daily", 5.0, null, null), T);
    assertThat(b.agentId()).isEqualTo("bot");
    assertThat(b.onBreach()).isEqualTo(BreachAction.ALERT);
    assertThat(b.enabled()).isTrue();
    assertThat(b.anomalyMultiplier()).isNull();
    assertThat(b.createdAt()).isEqualTo(T);
    assertThat(b.perSession()).isFalse();
    CostBudget s =
        BudgetRules.create("b2", "o1", draft("session", "", "session", 1.0, "pause_agent", 1.5), T);
    assertThat(s.agentId()).isNull();
    assertThat(s.perSession()).isTrue();
    assertThat(s.anomalyMultiplier()).isEqualTo(1.5);
    assertThat(
            BudgetRules.create("b3", "o1", draft("agent", "a", "session", 1.0, null, 20.0), T)
                .perSession())
        .isTrue();
  }

  @Test
  void namesEveryBadField() {
    assertThat(paths(draft(null, null, null, null, null, null)))
        .containsExactly("scope", "period", "limitUsd");
    assertThat(paths(draft("team", "a", "yearly", 0.0, "explode", 1.49)))
        .containsExactly("scope", "period", "onBreach", "limitUsd", "anomalyMultiplier");
    assertThat(paths(draft("agent", null, "daily", -1.0, null, 20.01)))
        .containsExactly("limitUsd", "agentId", "anomalyMultiplier");
    assertThat(paths(draft("agent", "x".repeat(201), "daily", Double.NaN, null, null)))
        .containsExactly("limitUsd", "agentId");
    assertThat(paths(draft("agent", "a", "daily", Double.POSITIVE_INFINITY, null, null)))
        .containsExactly("limitUsd");
    assertThat(paths(draft("agent", "a", "daily", 0.01, null, 1.5))).isEmpty();
    assertThatThrownBy(
            () -> BudgetRules.create("b", "o", draft(null, null, null, 1.0, null, null), T))
        .isInstanceOf(InvalidBudgetException.class)
        .hasMessage("Invalid cost budget");
  }

  @Test
  void updatesKeepAbsentFields() {
    CostBudget b =
        BudgetRules.create("b1", "o1", draft("agent", "bot", "daily", 5.0, null, 3.0), T);
    Instant later = T.plusSeconds(60);
    CostBudget u =
        BudgetRules.update(
            b, new BudgetDraft(null, null, "weekly", null, null, null, false, false), later);
    assertThat(u.period()).isEqualTo(BudgetPeriod.WEEKLY);
    assertThat(u.limitUsd()).isEqualTo(5.0);
    assertThat(u.agentId()).isEqualTo("bot");
    assertThat(u.anomalyMultiplier()).isEqualTo(3.0);
    assertThat(u.enabled()).isFalse();
    assertThat(u.createdAt()).isEqualTo(T);
    assertThat(u.updatedAt()).isEqualTo(later);
    CostBudget cleared =
        BudgetRules.update(
            u, new BudgetDraft(null, null, null, null, null, null, true, null), later);
    assertThat(cleared.anomalyMultiplier()).isNull();
    assertThat(cleared.enabled()).isFalse();
    assertThatThrownBy(
            () ->
                BudgetRules.update(
                    b, new BudgetDraft(null, "", null, null, null, null, false, null), later))
        .isInstanceOf(InvalidBudgetException.class);
  }

  @Test
  void percentBreachAndAnomaly() {
    assertThat(BudgetStatus.percent(2.5, 10)).isEqualTo(25.0);
    assertThat(BudgetStatus.percent(1, 3)).isEqualTo(33.33);
    assertThat(BudgetStatus.percent(12, 10)).isEqualTo(120.0);
    assertThat(BudgetStatus.breaches(9.999999, 10)).isFalse();
    assertThat(BudgetStatus.breaches(10, 10)).isTrue();
    // previous 7 days $14 → mean $2; multiplier 3 → threshold $6
    assertThat(BudgetStatus.Anomaly.of(6.0, 14.0, 3).detected()).isFalse();
    BudgetStatus.Anomaly a = BudgetStatus.Anomaly.of(6.01, 14.0, 3);
    assertThat(a.detected()).isTrue();
    assertThat(a.dailyMeanUsd()).isEqualTo(2.0);
    assertThat(a.todayUsd()).isEqualTo(6.01);
    // no baseline: never an anomaly
    assertThat(BudgetStatus.Anomaly.of(100, 0, 1.5).detected()).isFalse();
  }
}
