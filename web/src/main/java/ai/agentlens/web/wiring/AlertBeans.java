package ai.agentlens.web.wiring;

import ai.agentlens.core.alerting.AlertAudit;
import ai.agentlens.core.alerting.AlertCheckJob;
import ai.agentlens.core.alerting.AlertRules;
import ai.agentlens.core.alerting.ChannelDelivery;
import ai.agentlens.core.health.AgentHealth;
import ai.agentlens.core.health.HealthHistory;
import ai.agentlens.core.health.SnapshotJob;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.Mailer;
import ai.agentlens.core.port.WebhookSender;
import ai.agentlens.core.port.alerting.AlertHistory;
import ai.agentlens.core.port.alerting.AlertRuleStore;
import ai.agentlens.core.port.alerting.AlertingStores;
import ai.agentlens.core.port.alerting.HealthSnapshotStore;
import ai.agentlens.core.port.storage.AgentStore;
import ai.agentlens.core.port.storage.AuditLog;
import ai.agentlens.core.port.storage.JobLeases;
import ai.agentlens.core.port.storage.RetentionPurge;
import ai.agentlens.core.port.storage.Stores;
import com.github.f4b6a3.ulid.UlidCreator;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Wires alerting and health history (issue 11): the ports out of the backend's {@link
 * AlertingStores}, the rule use case, the history reader and the two periodic jobs. The jobs list
 * orgs through {@link RetentionPurge#orgIds()}, the one port that lists every org across tenants.
 */
@Factory
public class AlertBeans {

  private static final String INSTANCE = "instance-" + UUID.randomUUID();

  @Singleton
  HealthSnapshotStore healthSnapshotStore(AlertingStores s) {
    return s.healthSnapshots();
  }

  @Singleton
  AlertRuleStore alertRuleStore(AlertingStores s) {
    return s.rules();
  }

  @Singleton
  AlertHistory alertHistory(AlertingStores s) {
    return s.history();
  }

  @Singleton
  HealthHistory healthHistory(HealthSnapshotStore snapshots, Clock clock) {
    return new HealthHistory(snapshots, clock);
  }

  @Singleton
  SnapshotJob snapshotJob(
      RetentionPurge orgs,
      AgentStore agents,
      AgentHealth health,
      HealthSnapshotStore snapshots,
      JobLeases leases,
      Clock clock) {
    return new SnapshotJob(orgs::orgIds, agents, health, snapshots, leases, clock, INSTANCE);
  }

  @Singleton
  AlertAudit alertAudit(Stores stores, Clock clock) {
    AuditLog log = stores.audit();
    return new AlertAudit(log, clock, AlertBeans::ulid);
  }

  @Singleton
  AlertRules alertRules(AlertRuleStore rules, AlertAudit audit, Clock clock) {
    return new AlertRules(rules, audit, clock, AlertBeans::ulid);
  }

  @Singleton
  AlertCheckJob alertCheckJob(
      RetentionPurge orgs,
      AlertingStores s,
      Mailer mailer,
      WebhookSender webhooks,
      AlertAudit audit,
      JobLeases leases,
      Clock clock) {
    return new AlertCheckJob(
        orgs::orgIds,
        s.rules(),
        s.history(),
        s.metrics(),
        new ChannelDelivery(mailer, webhooks),
        audit,
        leases,
        clock,
        AlertBeans::ulid,
        INSTANCE);
  }

  private static String ulid() {
    return UlidCreator.getMonotonicUlid().toString();
  }
}
