package ai.agentlens.web.wiring;

import ai.agentlens.core.account.OrgDirectory;
import ai.agentlens.core.guardrail.RuleCache;
import ai.agentlens.core.incident.IncidentDetector;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.RateLimiter;
import ai.agentlens.core.port.alerting.AlertingStores;
import ai.agentlens.core.port.incident.IncidentStores;
import ai.agentlens.core.port.storage.AgentStore;
import ai.agentlens.core.port.storage.EventStore;
import ai.agentlens.core.port.storage.OrgStore;
import ai.agentlens.core.port.storage.SessionStore;
import ai.agentlens.core.port.storage.Stores;
import ai.agentlens.core.transfer.OrgConfig;
import ai.agentlens.core.transfer.OrgExport;
import ai.agentlens.core.transfer.OrgImport;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Builds the org export and import; {@code agentlens.import.records-per-minute} (env {@code
 * AGENTLENS_IMPORT_RECORDS_PER_MINUTE}, default 10,000) caps each org's import rate.
 */
@Factory
public class TransferBeans {

  @Singleton
  OrgConfig orgConfig(Stores stores, AlertingStores alerting, IncidentStores incidents) {
    return OrgConfig.of(stores, alerting, incidents);
  }

  @Singleton
  OrgExport orgExport(
      EventStore events,
      SessionStore sessions,
      AgentStore agents,
      OrgStore orgs,
      OrgConfig config,
      Clock clock) {
    return new OrgExport(events, sessions, agents, orgs, config, clock);
  }

  @Singleton
  OrgImport orgImport(
      EventStore events,
      OrgStore orgs,
      OrgDirectory directory,
      OrgConfig config,
      RuleCache guardrailRules,
      IncidentDetector incidentRules,
      RateLimiter limiter,
      @Value("${agentlens.import.records-per-minute:10000}") int recordsPerMinute) {
    return new OrgImport(
        events,
        orgs,
        directory,
        config,
        org -> {
          guardrailRules.invalidate(org);
          incidentRules.rulesChanged(org);
        },
        limiter,
        recordsPerMinute);
  }
}
