package ai.agentlens.web.wiring;

import ai.agentlens.core.ingest.AgentRateLimits;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.KeyRevocations;
import ai.agentlens.core.port.incident.IncidentStore;
import ai.agentlens.core.port.incident.IncidentStores;
import ai.agentlens.core.port.storage.AgentControlStore;
import ai.agentlens.core.port.storage.Stores;
import ai.agentlens.core.remediation.AgentSettingsEditor;
import ai.agentlens.core.remediation.Remediations;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Agent settings and remediation (issue 17, seed 003 R5 and R8): the use cases behind the API and
 * the dashboard. Every change drops the org from this process's gateway cache ({@link
 * AgentRateLimits}), so the next request here is checked against it; other instances see it within
 * the cache's TTL.
 */
@Factory
public class RemediationBeans {

  @Singleton
  AgentSettingsEditor agentSettingsEditor(
      IncidentStores stores,
      AgentControlStore agents,
      Stores core,
      Clock clock,
      AgentRateLimits gateway) {
    return new AgentSettingsEditor(
        stores.settings(), agents, core.audit(), clock, IncidentBeans::ulid, gateway::invalidate);
  }

  @Singleton
  Remediations remediations(
      IncidentStores stores,
      IncidentStore incidents,
      Stores core,
      KeyRevocations revocations,
      AgentSettingsEditor editor,
      Clock clock,
      AgentRateLimits gateway) {
    return new Remediations(
        new ai.agentlens.core.remediation.RemediationPorts(
            incidents,
            stores.settings(),
            stores.remediations(),
            core.apiKeys(),
            revocations,
            core.audit()),
        editor,
        clock,
        IncidentBeans::ulid,
        gateway::invalidate);
  }
}
