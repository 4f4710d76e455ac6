package ai.agentlens.core.budget;

import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.budget.model.CostBudget;
import ai.agentlens.core.json.Json;
import ai.agentlens.core.port.storage.AuditLog;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Writes the audit entries of budget changes and breaches (target type {@code cost_budget}). */
final class BudgetAudit {

  private final AuditLog log;
  private final Supplier<String> ids;

  BudgetAudit(AuditLog log, Supplier<String> ids) {
    this.log = log;
    this.ids = ids;
  }

  void append(
      String orgId,
      ActorType type,
      String actor,
      String ip,
      String action,
      String budgetId,
      Instant at,
      Map<String, String> details) {
    log.append(
        new AuditEntry(
            ids.get(),
            orgId,
            at,
            type,
            actor,
            action,
            "cost_budget",
            budgetId,
            ip,
            AuditResult.SUCCESS,
            json(details)));
  }

  static String json(Map<String, String> details) {
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<String, String> e : new TreeMap<>(details).entrySet()) {
      if (out.length() > 1) {
        out.append(',');
      }
      Json.appendString(out, e.getKey());
      out.append(':');
      Json.appendString(out, e.getValue());
    }
    return out.append('}').toString();
  }

  static Map<String, String> describe(CostBudget b) {
    Map<String, String> m = new TreeMap<>();
    m.put("scope", b.scope().wireName());
    m.put("period", b.period().wireName());
    m.put("limitUsd", Double.toString(b.limitUsd()));
    m.put("onBreach", b.onBreach().wireName());
    m.put("enabled", Boolean.toString(b.enabled()));
    if (b.agentId() != null) {
      m.put("agentId", b.agentId());
    }
    if (b.anomalyMultiplier() != null) {
      m.put("anomalyMultiplier", Double.toString(b.anomalyMultiplier()));
    }
    return m;
  }
}
