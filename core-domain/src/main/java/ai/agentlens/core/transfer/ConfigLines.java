package ai.agentlens.core.transfer;

import ai.agentlens.core.alert.AlertRule;
import ai.agentlens.core.budget.model.CostBudget;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.guardrail.model.GuardrailRule;
import ai.agentlens.core.incident.model.IncidentRule;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.port.remediation.AgentSettingsStore;
import ai.agentlens.core.remediation.model.AgentSettings;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes and restores an org's configuration lines ({@link OrgConfig}). A restored record keeps its
 * id and times and is assigned to the importing org; a record whose id (for agent settings: whose
 * agent) the org already has is left as it is, so re-importing changes nothing.
 */
final class ConfigLines {

  /** The line kinds this class handles. */
  static final Set<String> KINDS =
      Set.of(
          GuardrailRuleLine.KIND,
          BudgetLine.KIND,
          AlertRuleLine.KIND,
          IncidentRuleLine.KIND,
          AgentSettingsLine.KIND);

  private ConfigLines() {}

  static void write(ExportWriter w, OrgConfig c, String orgId) throws IOException {
    for (GuardrailRule r : c.guardrails().list(orgId, null)) {
      w.config(GuardrailRuleLine.KIND, GuardrailRuleLine.write(r));
    }
    for (CostBudget b : c.budgets().list(orgId)) {
      w.config(BudgetLine.KIND, BudgetLine.write(b));
    }
    for (AlertRule r : c.alertRules().list(orgId, false)) {
      w.config(AlertRuleLine.KIND, AlertRuleLine.write(r));
    }
    for (IncidentRule r : c.incidentRules().list(orgId, false)) {
      w.config(IncidentRuleLine.KIND, IncidentRuleLine.write(r));
    }
    AgentSettingsStore.OrgSettings s = c.agentSettings().all(orgId);
    if (c.agentSettings().find(orgId, null).isPresent()) {
      w.config(AgentSettingsLine.KIND, AgentSettingsLine.write(null, s.defaults()));
    }
    for (Map.Entry<String, AgentSettings> e : new TreeMap<>(s.agents()).entrySet()) {
      w.config(AgentSettingsLine.KIND, AgentSettingsLine.write(e.getKey(), e.getValue()));
    }
  }

  private static boolean storeIfNew(boolean present, Runnable store) {
    if (present) {
      return false;
    }
    store.run();
    return true;
  }

  /**
   * Restores one configuration line.
   *
   * @param c the stores
   * @param orgId the importing org
   * @param kind one of {@link #KINDS}
   * @param o the line
   * @return {@code true} when stored, {@code false} when the org already had it
   * @throws InvalidInputException naming the kind and field at fault
   */
  static boolean restore(OrgConfig c, String orgId, String kind, JsonObject o) {
    LineFields f = new LineFields(kind, o);
    return switch (kind) {
      case GuardrailRuleLine.KIND -> {
        GuardrailRule r = GuardrailRuleLine.read(orgId, f);
        yield storeIfNew(
            c.guardrails().find(orgId, r.id()).isPresent(), () -> c.guardrails().insert(r));
      }
      case BudgetLine.KIND -> {
        CostBudget b = BudgetLine.read(orgId, f);
        yield storeIfNew(c.budgets().find(orgId, b.id()).isPresent(), () -> c.budgets().create(b));
      }
      case AlertRuleLine.KIND -> {
        AlertRule r = AlertRuleLine.read(orgId, f);
        yield storeIfNew(
            c.alertRules().find(orgId, r.id()).isPresent(), () -> c.alertRules().create(r));
      }
      case IncidentRuleLine.KIND -> {
        IncidentRule r = IncidentRuleLine.read(orgId, f);
        yield storeIfNew(
            c.incidentRules().find(orgId, r.id()).isPresent(), () -> c.incidentRules().create(r));
      }
      case AgentSettingsLine.KIND -> {
        AgentSettingsLine l = AgentSettingsLine.read(f);
        yield storeIfNew(
            c.agentSettings().find(orgId, l.agentId()).isPresent(),
            () -> c.agentSettings().put(orgId, l.agentId(), l.settings()));
      }
      default -> throw new IllegalArgumentException("not a configuration kind: " + kind);
    };
  }
}
