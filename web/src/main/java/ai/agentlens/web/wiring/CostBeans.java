package ai.agentlens.web.wiring;

import ai.agentlens.core.budget.BudgetMeter;
import ai.agentlens.core.budget.CostBudgets;
import ai.agentlens.core.optimize.CostRecommendations;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.cost.CostAnalytics;
import ai.agentlens.core.port.cost.CostBudgetStore;
import ai.agentlens.core.port.storage.Stores;
import com.github.f4b6a3.ulid.UlidCreator;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Builds the cost optimizer and the cost budgets (issue 11, reference §4.3.8 and §4.3.11). */
@Factory
public class CostBeans {

  @Singleton
  CostAnalytics costAnalytics(Stores stores) {
    return stores.costAnalytics();
  }

  @Singleton
  CostBudgetStore costBudgetStore(Stores stores) {
    return stores.costBudgets();
  }

  @Singleton
  CostRecommendations costRecommendations(CostAnalytics analytics, Clock clock) {
    return new CostRecommendations(analytics, clock);
  }

  @Singleton
  BudgetMeter budgetMeter(CostAnalytics analytics) {
    return new BudgetMeter(analytics);
  }

  @Singleton
  CostBudgets costBudgets(CostBudgetStore store, BudgetMeter meter, Stores stores, Clock clock) {
    return new CostBudgets(
        store, meter, stores.audit(), clock, () -> UlidCreator.getMonotonicUlid().toString());
  }
}
