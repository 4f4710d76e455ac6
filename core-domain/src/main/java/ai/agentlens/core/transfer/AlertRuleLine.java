package ai.agentlens.core.transfer;

import ai.agentlens.core.alert.AlertCondition;
import ai.agentlens.core.alert.AlertRule;
import ai.agentlens.core.alert.AlertSpecs;
import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code alert_rule} line: a rule's spec, id and times. The webhook signing secret is never
 * written; an imported rule signs nothing until an Owner sets one again.
 */
final class AlertRuleLine {

  static final String KIND = "alert_rule";

  private AlertRuleLine() {}

  static JsonObject write(AlertRule r) {
    AlertRule.AlertSpec s = r.spec();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("name", s.name());
    m.put("enabled", s.enabled());
    m.put("condition", s.condition().wireName());
    m.put("threshold", LineFields.num(s.threshold()));
    m.put("windowMinutes", LineFields.num(s.windowMinutes()));
    m.put("agentId", s.agentId());
    m.put("tags", JsonArray.of(s.tags()));
    m.put("notifyChannels", JsonArray.of(s.notifyChannels()));
    m.put("createdAt", LineFields.time(r.createdAt()));
    m.put("updatedAt", LineFields.time(r.updatedAt()));
    return JsonObject.of(m);
  }

  static AlertRule read(String orgId, LineFields f) {
    String condition = f.text("condition");
    AlertRule.AlertSpec s =
        new AlertRule.AlertSpec(
            f.text("name"),
            f.bool("enabled"),
            AlertCondition.fromWireName(condition)
                .orElseThrow(() -> f.invalid("condition", "unknown: " + condition)),
            f.number("threshold"),
            f.integer("windowMinutes"),
            f.optionalText("agentId"),
            f.strings("tags"),
            f.strings("notifyChannels"));
    List<AlertSpecs.Problem> problems = AlertSpecs.check(s);
    if (!problems.isEmpty()) {
      throw f.invalid(
          problems.stream()
              .map(p -> p.field() + ": " + p.message())
              .collect(Collectors.joining("; ")));
    }
    return new AlertRule(f.text("id"), orgId, s, f.time("createdAt"), f.time("updatedAt"));
  }
}
