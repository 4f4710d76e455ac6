package ai.agentlens.web.cost;

import ai.agentlens.core.budget.BudgetDraft;
import ai.agentlens.core.budget.BudgetStatus;
import ai.agentlens.core.budget.model.BudgetBreach;
import ai.agentlens.core.budget.model.CostBudget;
import ai.agentlens.web.error.BadRequestException;
import ai.agentlens.web.error.Problem;
import ai.agentlens.web.read.JsonViews;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Budget bodies in and out. In: a JSON object whose known fields must have the right JSON type;
 * JSON {@code null} counts as absent (the Java SDK sends nulls), except that {@code
 * "anomalyMultiplier": null} removes the multiplier on update; unknown fields are ignored.
 */
final class BudgetJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private BudgetJson() {}

  static BudgetDraft parse(String body) {
    JsonNode root;
    try {
      root = body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (IOException e) {
      root = null;
    }
    if (root == null || !root.isObject()) {
      throw new BadRequestException(
          "Validation failed", List.of(new Problem("body", "must be a JSON object")));
    }
    List<Problem> problems = new ArrayList<>();
    BudgetDraft d =
        new BudgetDraft(
            text(root, "scope", problems),
            text(root, "agentId", problems),
            text(root, "period", problems),
            number(root, "limitUsd", problems),
            text(root, "onBreach", problems),
            number(root, "anomalyMultiplier", problems),
            root.has("anomalyMultiplier") && root.get("anomalyMultiplier").isNull(),
            bool(root, "enabled", problems),
            text(root, "targetModel", problems));
    if (!problems.isEmpty()) {
      throw new BadRequestException("Validation failed", problems);
    }
    return d;
  }

  private static String text(JsonNode root, String field, List<Problem> problems) {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      problems.add(new Problem(field, "must be a string"));
      return null;
    }
    return v.asText();
  }

  private static Double number(JsonNode root, String field, List<Problem> problems) {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber()) {
      problems.add(new Problem(field, "must be a number"));
      return null;
    }
    return v.asDouble();
  }

  private static Boolean bool(JsonNode root, String field, List<Problem> problems) {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isBoolean()) {
      problems.add(new Problem(field, "must be true or false"));
      return null;
    }
    return v.asBoolean();
  }

  static String budget(CostBudget b) {
    return JsonViews.render(g -> write(g, b));
  }

  static String list(List<CostBudget> budgets) {
    return JsonViews.render(
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("budgets");
          for (CostBudget b : budgets) {
            write(g, b);
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  static void write(JsonGenerator g, CostBudget b) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", b.id());
    g.writeStringField("scope", b.scope().wireName());
    nullable(g, "agentId", b.agentId());
    g.writeStringField("period", b.period().wireName());
    g.writeNumberField("limitUsd", b.limitUsd());
    g.writeStringField("onBreach", b.onBreach().wireName());
    if (b.targetModel() != null) {
      g.writeStringField("targetModel", b.targetModel());
    }
    if (b.anomalyMultiplier() == null) {
      g.writeNullField("anomalyMultiplier");
    } else {
      g.writeNumberField("anomalyMultiplier", b.anomalyMultiplier());
    }
    g.writeBooleanField("enabled", b.enabled());
    g.writeStringField("createdAt", JsonViews.time(b.createdAt()));
    g.writeStringField("updatedAt", JsonViews.time(b.updatedAt()));
    g.writeEndObject();
  }

  static String status(BudgetStatus s) {
    return JsonViews.render(
        g -> {
          g.writeStartObject();
          g.writeStringField("budgetId", s.budget().id());
          g.writeFieldName("budget");
          write(g, s.budget());
          g.writeNumberField("currentSpend", s.spendUsd());
          g.writeNumberField("limitUsd", s.budget().limitUsd());
          g.writeNumberField("percent", s.percent());
          g.writeBooleanField("breached", s.breached());
          time(g, "periodStart", s.periodStart());
          time(g, "periodEnd", s.periodEnd());
          nullable(g, "sessionId", s.sessionId());
          if (s.anomaly() == null) {
            g.writeNullField("anomaly");
          } else {
            g.writeObjectFieldStart("anomaly");
            g.writeNumberField("todaySpend", s.anomaly().todayUsd());
            g.writeNumberField("dailyMean", s.anomaly().dailyMeanUsd());
            g.writeNumberField("multiplier", s.anomaly().multiplier());
            g.writeBooleanField("detected", s.anomaly().detected());
            g.writeEndObject();
          }
          g.writeStringField("computedAt", JsonViews.time(s.computedAt()));
          g.writeEndObject();
        });
  }

  static String breaches(List<BudgetBreach> breaches) {
    return JsonViews.render(
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("breaches");
          for (BudgetBreach b : breaches) {
            g.writeStartObject();
            g.writeStringField("id", b.id());
            g.writeStringField("budgetId", b.budgetId());
            g.writeStringField("periodKey", b.periodKey());
            g.writeStringField("kind", b.kind());
            g.writeNumberField("spendUsd", b.spendUsd());
            g.writeNumberField("thresholdUsd", b.thresholdUsd());
            nullable(g, "sessionId", b.sessionId());
            g.writeStringField("breachedAt", JsonViews.time(b.breachedAt()));
            g.writeStringField("action", b.action().wireName());
            g.writeBooleanField("actionExecuted", b.actionExecuted());
            g.writeStringField("actionResult", b.actionResult());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeNumberField("total", breaches.size());
          g.writeEndObject();
        });
  }

  private static void nullable(JsonGenerator g, String field, String value) throws IOException {
    if (value == null) {
      g.writeNullField(field);
    } else {
      g.writeStringField(field, value);
    }
  }

  private static void time(JsonGenerator g, String field, Instant t) throws IOException {
    if (t == null) {
      g.writeNullField(field);
    } else {
      g.writeStringField(field, JsonViews.time(t));
    }
  }
}
