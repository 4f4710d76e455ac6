package ai.agentlens.core.transfer;

import ai.agentlens.core.port.alerting.AlertRuleStore;
import ai.agentlens.core.port.alerting.AlertingStores;
import ai.agentlens.core.port.cost.CostBudgetStore;
import ai.agentlens.core.port.incident.IncidentRuleStore;
import ai.agentlens.core.port.incident.IncidentStores;
import ai.agentlens.core.port.remediation.AgentSettingsStore;
import ai.agentlens.core.port.storage.GuardrailStore;
import ai.agentlens.core.port.storage.Stores;

/**
 * The stores of an org's configuration that an export carries beside its events (guardrail rules,
 * cost budgets, alert rules, incident rules, agent settings) and an import restores.
 *
 * @param guardrails guardrail rules
 * @param budgets cost budgets
 * @param alertRules alert rules
 * @param incidentRules incident rules
 * @param agentSettings agents' settings and the org defaults
 */
public record OrgConfig(
    GuardrailStore guardrails,
    CostBudgetStore budgets,
    AlertRuleStore alertRules,
    IncidentRuleStore incidentRules,
    AgentSettingsStore agentSettings) {

  /**
   * Picks the configuration stores out of a backend's store bundles.
   *
   * @param stores the core stores
   * @param alerting the alerting stores
   * @param incidents the incident stores
   * @return the configuration stores
   */
  public static OrgConfig of(Stores stores, AlertingStores alerting, IncidentStores incidents) {
    return new OrgConfig(
        stores.guardrails(),
        stores.costBudgets(),
        alerting.rules(),
        incidents.rules(),
        incidents.settings());
  }
}
