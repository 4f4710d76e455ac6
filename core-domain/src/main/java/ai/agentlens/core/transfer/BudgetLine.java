package ai.agentlens.core.transfer;

import ai.agentlens.core.budget.BudgetDraft;
import ai.agentlens.core.budget.BudgetRules;
import ai.agentlens.core.budget.InvalidBudgetException;
import ai.agentlens.core.budget.model.CostBudget;
import ai.agentlens.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@code cost_budget} line: a budget's fields as the budgets API reads them, id and times. */
final class BudgetLine {

  static final String KIND = "cost_budget";

  private BudgetLine() {}

  static JsonObject write(CostBudget b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", b.id());
    m.put("scope", b.scope().wireName());
    m.put("agentId", b.agentId());
    m.put("period", b.period().wireName());
    m.put("limitUsd", LineFields.num(b.limitUsd()));
    m.put("onBreach", b.onBreach().wireName());
    m.put(
        "anomalyMultiplier",
        b.anomalyMultiplier() == null ? null : LineFields.num(b.anomalyMultiplier()));
    m.put("enabled", b.enabled());
    m.put("targetModel", b.targetModel());
    m.put("createdAt", LineFields.time(b.createdAt()));
    m.put("updatedAt", LineFields.time(b.updatedAt()));
    return JsonObject.of(m);
  }

  static CostBudget read(String orgId, LineFields f) {
    BudgetDraft d =
        new BudgetDraft(
            f.text("scope"),
            f.optionalText("agentId"),
            f.text("period"),
            f.number("limitUsd"),
            f.text("onBreach"),
            f.optionalNumber("anomalyMultiplier"),
            false,
            f.bool("enabled"),
            f.optionalText("targetModel"));
    CostBudget b;
    try {
      b = BudgetRules.create(f.text("id"), orgId, d, f.time("createdAt"));
    } catch (InvalidBudgetException e) {
      throw f.invalid(
          e.problems().stream()
              .map(p -> p.path() + ": " + p.message())
              .collect(Collectors.joining("; ")));
    }
    return new CostBudget(
        b.id(),
        orgId,
        b.scope(),
        b.agentId(),
        b.period(),
        b.limitUsd(),
        b.onBreach(),
        b.anomalyMultiplier(),
        b.enabled(),
        b.createdAt(),
        f.time("updatedAt"),
        b.targetModel());
  }
}
