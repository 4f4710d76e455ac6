package ai.agentlens.web.wiring;

import ai.agentlens.core.account.Access;
import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.account.AuditTrail;
import ai.agentlens.core.ingest.QuotaGate;
import ai.agentlens.core.plan.QuotaSettings;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.quota.OverageCapStore;
import ai.agentlens.core.port.quota.QuotaWarningLog;
import ai.agentlens.core.port.storage.Stores;
import ai.agentlens.core.quota.OverageCaps;
import ai.agentlens.core.quota.QuotaWarnings;
import ai.agentlens.core.quota.UsageReports;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;

/**
 * Quotas, overage caps, quota warnings and the usage report (issue 14), the same on both launchers:
 * {@code agentlens.billing.enabled} (default true; false skips quota, cap and warning checks) and
 * {@code agentlens.billing.quota-divisor} (default 1; test and operations only) shape the {@link
 * QuotaGate} built in {@link IngestBeans}.
 */
@Factory
public class QuotaBeans {

  @Singleton
  QuotaSettings quotaSettings(
      @Value("${agentlens.billing.enabled:true}") boolean enabled,
      @Value("${agentlens.billing.quota-divisor:1}") long divisor) {
    return new QuotaSettings(enabled, divisor);
  }

  @Singleton
  OverageCapStore overageCapStore(Stores stores) {
    return stores.overageCaps();
  }

  @Singleton
  QuotaWarningLog quotaWarningLog(Stores stores) {
    return stores.quotaWarnings();
  }

  @Singleton
  QuotaWarnings quotaWarnings(QuotaWarningLog log, AccountPorts ports) {
    Stores s = ports.stores();
    return new QuotaWarnings(
        log,
        s.orgs(),
        s.memberships(),
        s.users(),
        ports.mailer(),
        ports.clock(),
        () -> ports.settings().baseUrl());
  }

  /**
   * Hands a reached warning share to the blocking executor, off the ingest path.
   *
   * @param warnings the mail use case
   * @param blocking Micronaut's blocking executor
   * @return the gate's listener
   */
  @Singleton
  QuotaGate.WarningListener quotaWarningListener(
      QuotaWarnings warnings, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
    return (orgId, plan, month, used, quota) ->
        blocking.execute(() -> warnings.warn(orgId, plan, month, used, quota));
  }

  @Singleton
  OverageCaps overageCaps(
      OverageCapStore store,
      Stores stores,
      Access access,
      AuditTrail audit,
      QuotaGate gate,
      Clock clock) {
    return new OverageCaps(store, stores.orgs(), access, audit, gate, clock);
  }

  @Singleton
  UsageReports usageReports(Stores stores, OverageCapStore caps, QuotaGate gate, Clock clock) {
    return new UsageReports(stores.usage(), stores.rollups(), caps, gate, clock);
  }
}
