package ai.agentlens.web.incident;

import ai.agentlens.core.incident.Incidents;
import ai.agentlens.core.incident.model.Incident;
import ai.agentlens.core.incident.model.IncidentRule;
import ai.agentlens.core.incident.model.IncidentSeverity;
import ai.agentlens.core.incident.model.RcaRecord;
import ai.agentlens.core.incident.model.TriggerRecord;
import ai.agentlens.core.incident.model.TriggerType;
import ai.agentlens.web.error.BadRequestException;
import ai.agentlens.web.error.Problem;
import ai.agentlens.web.read.JsonViews;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Incident and rule bodies in and out. A rule body is read onto a base (defaults for a create, the
 * stored rule for a partial {@code PUT}); absent fields keep the base value, {@code agentId: null}
 * widens the rule to every agent. Type and range errors are 400s naming the field.
 */
final class IncidentJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a create starts from: enabled, 5-minute window, medium, every agent, no type. */
  static final Incidents.RuleSpec DEFAULTS =
      new Incidents.RuleSpec(null, -1, 5, IncidentSeverity.MEDIUM, null, true);

  private IncidentJson() {}

  static Incidents.RuleSpec read(String body, Incidents.RuleSpec base) {
    JsonNode n;
    try {
      n = body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (IOException e) {
      throw new BadRequestException("Invalid JSON body", List.of(new Problem("", "not JSON")));
    }
    if (n == null || !n.isObject()) {
      throw new BadRequestException(
          "Validation failed", List.of(new Problem("", "body must be a JSON object")));
    }
    List<Problem> p = new ArrayList<>();
    TriggerType type = base.type();
    JsonNode t = n.get("type");
    if (present(t)) {
      type = t.isTextual() ? TriggerType.fromWireName(t.textValue()).orElse(null) : null;
      if (type == null || !type.ruleType()) {
        p.add(new Problem("type", "must be one of latency, errors, risk, cost_spike"));
        type = null;
      }
    } else if (type == null) {
      p.add(new Problem("type", "is required"));
    }
    double threshold = base.threshold();
    JsonNode th = n.get("threshold");
    if (present(th)) {
      if (th.isNumber() && th.doubleValue() > 0 && Double.isFinite(th.doubleValue())) {
        threshold = th.doubleValue();
      } else {
        p.add(new Problem("threshold", "must be a number > 0"));
      }
    } else if (threshold <= 0) {
      p.add(new Problem("threshold", "is required"));
    }
    int window = base.windowMinutes();
    JsonNode w = n.get("windowMinutes");
    if (present(w)) {
      if (w.isIntegralNumber()
          && w.canConvertToInt()
          && w.intValue() >= 1
          && w.intValue() <= IncidentRule.MAX_WINDOW_MINUTES) {
        window = w.intValue();
      } else {
        p.add(new Problem("windowMinutes", "must be a whole number from 1 to 1440"));
      }
    }
    IncidentSeverity severity = base.severity();
    JsonNode s = n.get("severity");
    if (present(s)) {
      severity = s.isTextual() ? IncidentSeverity.fromWireName(s.textValue()).orElse(null) : null;
      if (severity == null) {
        p.add(new Problem("severity", "must be one of low, medium, high, critical"));
        severity = base.severity();
      }
    }
    String agentId = base.agentId();
    if (n.has("agentId")) {
      JsonNode a = n.get("agentId");
      if (a.isNull()) {
        agentId = null;
      } else if (a.isTextual() && !a.textValue().isBlank() && a.textValue().length() <= 256) {
        agentId = a.textValue();
      } else {
        p.add(new Problem("agentId", "must be a non-empty string of at most 256 characters"));
      }
    }
    boolean enabled = base.enabled();
    JsonNode e = n.get("enabled");
    if (present(e)) {
      if (e.isBoolean()) {
        enabled = e.booleanValue();
      } else {
        p.add(new Problem("enabled", "must be true or false"));
      }
    }
    if (!p.isEmpty()) {
      throw new BadRequestException("Validation failed", p);
    }
    return new Incidents.RuleSpec(type, threshold, window, severity, agentId, enabled);
  }

  static Incidents.RuleSpec spec(IncidentRule r) {
    return new Incidents.RuleSpec(
        r.type(), r.threshold(), r.windowMinutes(), r.severity(), r.agentId(), r.enabled());
  }

  private static boolean present(JsonNode n) {
    return n != null && !n.isNull() && !n.isMissingNode();
  }

  static String rule(IncidentRule r) {
    return JsonViews.render(g -> rule(g, r));
  }

  static String rules(List<IncidentRule> rules) {
    return JsonViews.render(
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("rules");
          for (IncidentRule r : rules) {
            rule(g, r);
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  private static void rule(JsonGenerator g, IncidentRule r) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", r.id());
    g.writeStringField("type", r.type().wireName());
    g.writeNumberField("threshold", r.threshold());
    g.writeNumberField("windowMinutes", r.windowMinutes());
    g.writeStringField("severity", r.severity().wireName());
    g.writeStringField("agentId", r.agentId());
    g.writeBooleanField("enabled", r.enabled());
    g.writeStringField("createdAt", JsonViews.time(r.createdAt()));
    g.writeStringField("updatedAt", JsonViews.time(r.updatedAt()));
    g.writeEndObject();
  }

  static String list(List<Incident> incidents, String nextCursor) {
    return JsonViews.render(
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("incidents");
          for (Incident i : incidents) {
            g.writeStartObject();
            fields(g, i);
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeStringField("nextCursor", nextCursor);
          g.writeEndObject();
        });
  }

  static String one(Incident i, List<TriggerRecord> timeline, Optional<RcaRecord> rca) {
    return JsonViews.render(
        g -> {
          g.writeStartObject();
          fields(g, i);
          g.writeFieldName("details");
          g.writeRawValue(i.details());
          g.writeArrayFieldStart("relatedIds");
          for (String id : i.relatedIds()) {
            g.writeString(id);
          }
          g.writeEndArray();
          g.writeArrayFieldStart("timeline");
          for (TriggerRecord t : timeline) {
            g.writeStartObject();
            g.writeStringField("at", JsonViews.time(t.at()));
            g.writeStringField("relatedId", t.relatedId());
            g.writeFieldName("details");
            g.writeRawValue(t.details());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeFieldName("rca");
          if (rca.isPresent()) {
            RcaJson.write(g, rca.get());
          } else {
            g.writeNull();
          }
          g.writeEndObject();
        });
  }

  private static void fields(JsonGenerator g, Incident i) throws IOException {
    g.writeStringField("id", i.id());
    g.writeStringField("title", i.title());
    g.writeStringField("agentId", i.agentId());
    g.writeStringField("ruleId", i.ruleId());
    g.writeStringField("severity", i.severity().wireName());
    g.writeStringField("triggerType", i.triggerType().wireName());
    g.writeStringField("status", i.status());
    g.writeStringField("openedAt", JsonViews.time(i.openedAt()));
    g.writeStringField("lastSeenAt", JsonViews.time(i.lastSeenAt()));
    g.writeNumberField("triggerCount", i.triggerCount());
    g.writeStringField(
        "resolvedAt", i.resolvedAt() == null ? null : JsonViews.time(i.resolvedAt()));
    g.writeStringField("resolvedBy", i.resolvedBy());
  }
}
