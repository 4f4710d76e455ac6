package ai.agentlens.web.wiring;

import ai.agentlens.core.agentcard.AgentCards;
import ai.agentlens.core.compliance.ComplianceReports;
import ai.agentlens.core.feature.FeatureGate;
import ai.agentlens.core.health.AgentHealth;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.AgentStore;
import ai.agentlens.core.port.storage.EventStore;
import ai.agentlens.core.port.storage.FeatureOverrideStore;
import ai.agentlens.core.port.storage.OrgStore;
import ai.agentlens.core.port.storage.Stores;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Builds the feature gate (tier table + per-org overrides + the operator's {@code
 * agentlens.features.disabled}, env {@code AGENTLENS_FEATURES_DISABLED}), the compliance report and
 * the agent cards.
 */
@Factory
public class ComplianceBeans {

  @Singleton
  FeatureOverrideStore featureOverrideStore(Stores stores) {
    return stores.featureOverrides();
  }

  @Singleton
  FeatureGate featureGate(
      OrgStore orgs,
      FeatureOverrideStore overrides,
      Clock clock,
      @Value("${agentlens.features.disabled:}") String disabled) {
    try {
      return new FeatureGate(orgs, overrides, FeatureGate.parseList(disabled), clock);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "agentlens.features.disabled (AGENTLENS_FEATURES_DISABLED): " + e.getMessage(), e);
    }
  }

  @Singleton
  ComplianceReports complianceReports(Stores stores, Clock clock) {
    return new ComplianceReports(stores, clock);
  }

  @Singleton
  AgentCards agentCards(OrgStore orgs, AgentStore agents, EventStore events, AgentHealth health) {
    return new AgentCards(orgs, agents, events, health);
  }
}
