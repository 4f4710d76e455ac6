package ai.agentlens.web.wiring;

import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.account.AuditTrail;
import ai.agentlens.core.billing.BillingCache;
import ai.agentlens.core.billing.BillingJobs;
import ai.agentlens.core.billing.BillingSettings;
import ai.agentlens.core.billing.OverageReporter;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.billing.BillingGateway;
import ai.agentlens.core.port.storage.JobLeases;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the billing jobs on every worker instance; their leases let one work at a time: trials and
 * grace periods every minute ({@code agentlens.billing.jobs.interval}), the overage report hourly
 * ({@code agentlens.billing.overage.interval}).
 */
@Singleton
@Requires(beans = {BillingGateway.class, JobLeases.class})
@Requires(property = "agentlens.billing.jobs.enabled", notEquals = "false")
@Requires(property = "agentlens.worker.enabled", notEquals = "false")
public class BillingScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(BillingScheduler.class);

  private final BillingJobs jobs;
  private final OverageReporter overage;

  BillingScheduler(
      AccountPorts ports,
      AuditTrail audit,
      BillingGateway gateway,
      BillingSettings settings,
      JobLeases leases,
      Clock clock,
      BillingCache cache) {
    String owner = "instance-" + UUID.randomUUID();
    this.jobs = new BillingJobs(ports, audit, gateway, settings, leases, owner, cache);
    this.overage =
        new OverageReporter(
            ports.stores().orgs(),
            ports.stores().usage(),
            ports.stores().billing(),
            gateway,
            leases,
            clock,
            owner);
  }

  @Scheduled(
      fixedDelay = "${agentlens.billing.jobs.interval:1m}",
      initialDelay = "${agentlens.billing.jobs.initial-delay:1m}")
  void maintain() {
    try {
      LOG.debug("billing maintenance: {} orgs changed", jobs.runOnce());
    } catch (RuntimeException e) {
      LOG.warn("billing maintenance failed, retried next run: {}", e.getMessage());
    }
  }

  @Scheduled(
      fixedDelay = "${agentlens.billing.overage.interval:1h}",
      initialDelay = "${agentlens.billing.overage.initial-delay:5m}")
  void reportOverage() {
    try {
      LOG.debug("overage report: {} events reported", overage.runOnce());
    } catch (RuntimeException e) {
      LOG.warn("overage report failed, retried next run: {}", e.getMessage());
    }
  }
}
