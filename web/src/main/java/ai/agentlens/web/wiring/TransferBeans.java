package ai.agentlens.web.wiring;

import ai.agentlens.core.account.OrgDirectory;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.RateLimiter;
import ai.agentlens.core.port.storage.AgentStore;
import ai.agentlens.core.port.storage.EventStore;
import ai.agentlens.core.port.storage.OrgStore;
import ai.agentlens.core.port.storage.SessionStore;
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
  OrgExport orgExport(
      EventStore events, SessionStore sessions, AgentStore agents, OrgStore orgs, Clock clock) {
    return new OrgExport(events, sessions, agents, orgs, clock);
  }

  @Singleton
  OrgImport orgImport(
      EventStore events,
      OrgStore orgs,
      OrgDirectory directory,
      RateLimiter limiter,
      @Value("${agentlens.import.records-per-minute:10000}") int recordsPerMinute) {
    return new OrgImport(events, orgs, directory, limiter, recordsPerMinute);
  }
}
