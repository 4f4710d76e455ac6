package ai.agentlens.core.transfer;

import ai.agentlens.core.incident.model.IncidentRule;
import ai.agentlens.core.incident.model.IncidentSeverity;
import ai.agentlens.core.incident.model.TriggerType;
import ai.agentlens.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code incident_rule} line: a rule's fields as the incident rules API reads them. */
final class IncidentRuleLine {

  static final String KIND = "incident_rule";

  private IncidentRuleLine() {}

  static JsonObject write(IncidentRule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("type", r.type().wireName());
    m.put("threshold", LineFields.num(r.threshold()));
    m.put("windowMinutes", LineFields.num(r.windowMinutes()));
    m.put("severity", r.severity().wireName());
    m.put("agentId", r.agentId());
    m.put("enabled", r.enabled());
    m.put("createdAt", LineFields.time(r.createdAt()));
    m.put("updatedAt", LineFields.time(r.updatedAt()));
    return JsonObject.of(m);
  }

  static IncidentRule read(String orgId, LineFields f) {
    String type = f.text("type");
    String severity = f.text("severity");
    String agentId = f.optionalText("agentId");
    if (agentId != null && (agentId.isBlank() || agentId.length() > 256)) {
      throw f.invalid("agentId", "must be a non-empty string of at most 256 characters");
    }
    try {
      return new IncidentRule(
          f.text("id"),
          orgId,
          TriggerType.fromWireName(type).orElseThrow(() -> f.invalid("type", "unknown: " + type)),
          f.number("threshold"),
          f.integer("windowMinutes"),
          IncidentSeverity.fromWireName(severity)
              .orElseThrow(() -> f.invalid("severity", "unknown: " + severity)),
          agentId,
          f.bool("enabled"),
          f.time("createdAt"),
          f.time("updatedAt"));
    } catch (IllegalArgumentException e) {
      throw f.invalid(e.getMessage());
    }
  }
}
