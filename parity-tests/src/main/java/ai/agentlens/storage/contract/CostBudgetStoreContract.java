package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.budget.model.BreachAction;
import ai.agentlens.core.budget.model.BudgetBreach;
import ai.agentlens.core.budget.model.BudgetPeriod;
import ai.agentlens.core.budget.model.BudgetScope;
import ai.agentlens.core.budget.model.CostBudget;
import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.port.cost.CostBudgetStore;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The {@link CostBudgetStore} contract: budgets round-trip (a missing multiplier stays missing),
 * list oldest first, update and delete only in their org; a breach is recorded once per (budget,
 * period key, kind) and never for a missing budget; breaches list newest first and go with their
 * budget and org; only orgs with an enabled budget are listed for the check.
 */
public abstract class CostBudgetStoreContract extends StorageContract {

  private static final Instant T = Instant.parse("2026-03-10T12:00:00.123456Z");

  private CostBudgetStore store() {
    return stores.costBudgets();
  }

  private static CostBudget budget(
      String org, String id, Double multiplier, boolean enabled, Instant at) {
    return new CostBudget(
        id,
        org,
        BudgetScope.AGENT,
        "bot",
        BudgetPeriod.DAILY,
        5.5,
        BreachAction.PAUSE_AGENT,
        multiplier,
        enabled,
        at,
        at);
  }

  private static BudgetBreach breach(
      String org, String budget, String key, String kind, Instant at) {
    return new BudgetBreach(
        id("br"),
        org,
        budget,
        key,
        kind,
        6.25,
        5.5,
        null,
        at,
        BreachAction.PAUSE_AGENT,
        false,
        "pending");
  }

  @Test
  void budgetsRoundTripListUpdateAndDelete() {
    String org = newOrg().id();
    CostBudget a = budget(org, id("b"), 2.5, true, T);
    CostBudget b =
        new CostBudget(
            id("b"),
            org,
            BudgetScope.SESSION,
            null,
            BudgetPeriod.SESSION,
            1,
            BreachAction.ALERT,
            null,
            true,
            T.plusSeconds(1),
            T.plusSeconds(1));
    store().create(a);
    store().create(b);
    assertThat(store().find(org, a.id())).contains(a);
    assertThat(store().find(org, b.id())).contains(b);
    assertThat(store().list(org)).containsExactly(a, b);
    assertThatThrownBy(() -> store().create(a)).isInstanceOf(ConflictException.class);
    CostBudget changed =
        new CostBudget(
            a.id(),
            org,
            BudgetScope.SESSION,
            null,
            BudgetPeriod.MONTHLY,
            9,
            BreachAction.DOWNGRADE_MODEL,
            null,
            false,
            T,
            T.plusSeconds(9),
            "gpt-4o-mini");
    assertThat(store().update(changed)).isTrue();
    assertThat(store().find(org, a.id())).contains(changed);
    assertThat(store().find(org, a.id()).orElseThrow().targetModel()).isEqualTo("gpt-4o-mini");
    assertThat(store().delete(org, a.id())).isTrue();
    assertThat(store().delete(org, a.id())).isFalse();
    assertThat(store().find(org, a.id())).isEmpty();
    assertThat(store().list(org)).containsExactly(b);
  }

  @Test
  void anotherOrgSeesAndChangesNothing() {
    String mine = newOrg().id();
    String other = newOrg().id();
    CostBudget a = budget(mine, id("b"), null, true, T);
    store().create(a);
    assertThat(store().find(other, a.id())).isEmpty();
    assertThat(store().list(other)).isEmpty();
    assertThat(store().update(budget(other, a.id(), null, false, T))).isFalse();
    assertThat(store().delete(other, a.id())).isFalse();
    assertThat(store().recordBreach(breach(other, a.id(), "k", "limit", T))).isFalse();
    assertThat(store().breaches(other, a.id(), 10)).isEmpty();
    assertThat(store().find(mine, a.id())).contains(a);
    assertThat(store().find(null, a.id())).isEmpty();
    assertThat(store().list(" ")).isEmpty();
  }

  @Test
  void aBreachIsRecordedOncePerPeriodAndKind() {
    String org = newOrg().id();
    CostBudget a = budget(org, id("b"), null, true, T);
    store().create(a);
    BudgetBreach first = breach(org, a.id(), "2026-03-10", "limit", T);
    assertThat(store().recordBreach(first)).isTrue();
    assertThat(store().recordBreach(breach(org, a.id(), "2026-03-10", "limit", T.plusSeconds(60))))
        .isFalse();
    BudgetBreach anomaly = breach(org, a.id(), "2026-03-10", "anomaly", T.plusSeconds(1));
    BudgetBreach next = breach(org, a.id(), "2026-03-11", "limit", T.plusSeconds(86_400));
    assertThat(store().recordBreach(anomaly)).isTrue();
    assertThat(store().recordBreach(next)).isTrue();
    assertThat(store().recordBreach(breach(org, id("gone"), "k", "limit", T))).isFalse();
    assertThat(store().breaches(org, a.id(), 10)).containsExactly(next, anomaly, first);
    assertThat(store().breaches(org, a.id(), 2)).containsExactly(next, anomaly);
    assertThat(store().delete(org, a.id())).isTrue();
    assertThat(store().breaches(org, a.id(), 10)).isEmpty();
  }

  @Test
  void onlyOrgsWithAnEnabledBudgetAreCheckedAndOrgDeletionRemovesAll() {
    String on = newOrg().id();
    String off = newOrg().id();
    CostBudget b = budget(on, id("b"), null, true, T);
    store().create(b);
    store().create(budget(off, id("b"), null, false, T));
    assertThat(store().orgsWithEnabledBudgets()).contains(on).doesNotContain(off);
    assertThat(store().recordBreach(breach(on, b.id(), "k", "limit", T))).isTrue();
    assertThat(stores.orgs().delete(on)).isTrue();
    assertThat(store().list(on)).isEmpty();
    assertThat(store().breaches(on, b.id(), 10)).isEmpty();
    assertThat(store().orgsWithEnabledBudgets()).doesNotContain(on);
  }
}
