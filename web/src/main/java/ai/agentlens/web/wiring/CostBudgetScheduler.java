package ai.agentlens.web.wiring;

import ai.agentlens.core.budget.BudgetBreachJob;
import ai.agentlens.core.budget.BudgetMeter;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.cost.CostBudgetStore;
import ai.agentlens.core.port.storage.JobLeases;
import ai.agentlens.core.port.storage.Stores;
import com.github.f4b6a3.ulid.UlidCreator;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link BudgetBreachJob} every minute (property {@code
 * agentlens.cost-budgets.check.interval}) on every instance; the job's lease lets one of them work
 * at a time. Off with {@code agentlens.cost-budgets.check.enabled} = false.
 */
@Singleton
@Requires(beans = JobLeases.class)
@Requires(property = "agentlens.cost-budgets.check.enabled", notEquals = "false")
@Requires(property = "agentlens.worker.enabled", notEquals = "false")
public class CostBudgetScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(CostBudgetScheduler.class);

  private final BudgetBreachJob job;

  CostBudgetScheduler(
      CostBudgetStore store, BudgetMeter meter, Stores stores, JobLeases leases, Clock clock) {
    this.job =
        new BudgetBreachJob(
            store,
            meter,
            stores.audit(),
            leases,
            clock,
            () -> UlidCreator.getMonotonicUlid().toString(),
            "instance-" + UUID.randomUUID(),
            stores.agentControls(),
            stores.sessions());
  }

  @Scheduled(
      fixedDelay = "${agentlens.cost-budgets.check.interval:1m}",
      initialDelay = "${agentlens.cost-budgets.check.initial-delay:1m}")
  void check() {
    try {
      job.runOnce()
          .ifPresentOrElse(
              n -> LOG.debug("cost budget check: {} new breaches", n),
              () -> LOG.debug("cost budget check: another instance holds the lease"));
    } catch (RuntimeException e) {
      LOG.warn("cost budget check failed, retried next run: {}", e.getMessage());
    }
  }
}
