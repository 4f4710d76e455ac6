package ai.agentlens.web.guardrail;

import ai.agentlens.core.guardrail.Guardrails;
import ai.agentlens.core.guardrail.content.ContentDecision;
import ai.agentlens.core.guardrail.content.ContentMatch;
import ai.agentlens.core.guardrail.model.GuardrailRule;
import ai.agentlens.core.guardrail.model.RuleState;
import ai.agentlens.core.guardrail.model.Trigger;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonWriter;
import ai.agentlens.core.port.storage.GuardrailStore;
import ai.agentlens.web.read.JsonViews;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/** The guardrail wire shapes of reference §3.5. A webhook secret is never written. */
public final class GuardrailJson {

  private GuardrailJson() {}

  /**
   * Renders one rule.
   *
   * @param r the rule
   * @return JSON
   */
  public static String rule(GuardrailRule r) {
    return JsonViews.render(g -> rule(g, r));
  }

  /**
   * Renders a rule list.
   *
   * @param rules the rules
   * @return {@code {"rules":[…]}}
   */
  public static String rules(List<GuardrailRule> rules) {
    return JsonViews.render(
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("rules");
          for (GuardrailRule r : rules) {
            rule(g, r);
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  static void rule(JsonGenerator g, GuardrailRule r) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", r.id());
    g.writeStringField("tenantId", r.orgId());
    g.writeStringField("name", r.name());
    if (r.description() != null) {
      g.writeStringField("description", r.description());
    }
    g.writeBooleanField("enabled", r.enabled());
    g.writeStringField("conditionType", r.conditionType().wireName());
    g.writeFieldName("conditionConfig");
    g.writeRawValue(JsonWriter.write(r.conditionConfig()));
    g.writeStringField("actionType", r.actionType().wireName());
    g.writeFieldName("actionConfig");
    JsonObject action = r.actionConfig();
    if (action.get("secret") != null) {
      action = action.without(List.of("secret")).with("secretSet", true);
    }
    g.writeRawValue(JsonWriter.write(action));
    if (r.agentId() != null) {
      g.writeStringField("agentId", r.agentId());
    }
    g.writeNumberField("cooldownMinutes", r.cooldownMinutes());
    g.writeBooleanField("dryRun", r.dryRun());
    if (r.direction() != null) {
      g.writeStringField("direction", r.direction().wireName());
    }
    g.writeArrayFieldStart("toolNames");
    for (String t : r.toolNames()) {
      g.writeString(t);
    }
    g.writeEndArray();
    g.writeNumberField("priority", r.priority());
    g.writeStringField("createdAt", JsonViews.time(r.createdAt()));
    g.writeStringField("updatedAt", JsonViews.time(r.updatedAt()));
    g.writeEndObject();
  }

  static void trigger(JsonGenerator g, Trigger t) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", t.id());
    g.writeStringField("ruleId", t.ruleId());
    g.writeStringField("tenantId", t.orgId());
    g.writeStringField("triggeredAt", JsonViews.time(t.triggeredAt()));
    number(g, "conditionValue", t.conditionValue());
    number(g, "conditionThreshold", t.conditionThreshold());
    g.writeBooleanField("actionExecuted", t.actionExecuted());
    g.writeStringField("actionResult", t.actionResult());
    g.writeFieldName("metadata");
    g.writeRawValue(t.metadata());
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, String name, Double v) throws IOException {
    if (v == null) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, v);
    }
  }

  /**
   * Renders a history page.
   *
   * @param page the page
   * @return {@code {"triggers":[…],"total":n}}
   */
  public static String history(GuardrailStore.TriggerPage page) {
    return JsonViews.render(
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("triggers");
          for (Trigger t : page.triggers()) {
            trigger(g, t);
          }
          g.writeEndArray();
          g.writeNumberField("total", page.total());
          g.writeEndObject();
        });
  }

  /**
   * Renders a rule's status.
   *
   * @param s the status
   * @return {@code {"rule","state","recentTriggers"}}
   */
  public static String status(Guardrails.Status s) {
    return JsonViews.render(
        g -> {
          g.writeStartObject();
          g.writeFieldName("rule");
          rule(g, s.rule());
          g.writeFieldName("state");
          RuleState st = s.state();
          if (st == null) {
            g.writeNull();
          } else {
            g.writeStartObject();
            g.writeStringField("ruleId", st.ruleId());
            g.writeStringField("tenantId", st.orgId());
            if (st.lastTriggeredAt() != null) {
              g.writeStringField("lastTriggeredAt", JsonViews.time(st.lastTriggeredAt()));
            }
            g.writeNumberField("triggerCount", st.triggerCount());
            if (st.lastEvaluatedAt() != null) {
              g.writeStringField("lastEvaluatedAt", JsonViews.time(st.lastEvaluatedAt()));
            }
            if (st.currentValue() != null) {
              g.writeNumberField("currentValue", st.currentValue());
            }
            g.writeEndObject();
          }
          g.writeArrayFieldStart("recentTriggers");
          for (Trigger t : s.recentTriggers()) {
            trigger(g, t);
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  /**
   * Renders a content decision.
   *
   * @param d the decision
   * @return JSON
   */
  public static String decision(ContentDecision d) {
    return JsonViews.render(
        g -> {
          g.writeStartObject();
          g.writeStringField("decision", d.decision());
          g.writeArrayFieldStart("matches");
          for (ContentMatch m : d.matches()) {
            g.writeStartObject();
            g.writeStringField("ruleId", m.ruleId());
            g.writeStringField("ruleName", m.ruleName());
            g.writeStringField("conditionType", m.conditionType().wireName());
            g.writeStringField("actionType", m.actionType().wireName());
            g.writeStringField("patternName", m.patternName());
            g.writeNumberField("start", m.start());
            g.writeNumberField("end", m.end());
            g.writeNumberField("confidence", m.score());
            g.writeBooleanField("dryRun", m.dryRun());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeNumberField("evaluationMs", d.evaluationMs());
          g.writeNumberField("rulesEvaluated", d.rulesEvaluated());
          if (d.blockingRuleId() != null) {
            g.writeStringField("blockingRuleId", d.blockingRuleId());
          }
          if (d.redactedContent() != null) {
            g.writeStringField("redactedContent", d.redactedContent());
          }
          if (!d.timedOut().isEmpty()) {
            g.writeArrayFieldStart("timedOutRuleIds");
            for (String id : d.timedOut()) {
              g.writeString(id);
            }
            g.writeEndArray();
          }
          g.writeEndObject();
        });
  }
}
