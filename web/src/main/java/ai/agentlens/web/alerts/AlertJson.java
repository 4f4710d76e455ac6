package ai.agentlens.web.alerts;

import ai.agentlens.core.alert.AlertCondition;
import ai.agentlens.core.alert.AlertFiring;
import ai.agentlens.core.alert.AlertRule;
import ai.agentlens.core.alert.AlertSpecs;
import ai.agentlens.core.alerting.AlertRules;
import ai.agentlens.web.error.BadRequestException;
import ai.agentlens.web.error.Problem;
import ai.agentlens.web.read.JsonViews;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Alert rule bodies in and out. A body is read onto a base spec (defaults for a create, the stored
 * rule for a partial {@code PUT}); absent and {@code null} fields keep the base value. Type errors
 * are 400s naming the field; value rules are {@link AlertSpecs}'.
 */
public final class AlertJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a create starts from: enabled, 60-minute window, no scope, no channels. */
  static final AlertRule.AlertSpec DEFAULTS =
      new AlertRule.AlertSpec(null, true, null, -1, 60, null, List.of(), List.of());

  private AlertJson() {}

  static AlertRule.AlertSpec read(String body, AlertRule.AlertSpec base) {
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
    String name = text(n, "name", base.name(), p);
    boolean enabled = base.enabled();
    JsonNode e = n.get("enabled");
    if (present(e)) {
      if (e.isBoolean()) {
        enabled = e.booleanValue();
      } else {
        p.add(new Problem("enabled", "must be true or false"));
      }
    }
    AlertCondition condition = base.condition();
    String c = text(n, "condition", null, p);
    if (c != null) {
      condition = AlertCondition.fromWireName(c).orElse(null);
      if (condition == null) {
        p.add(new Problem("condition", "must be one of " + conditions()));
      }
    }
    double threshold = base.threshold();
    JsonNode t = n.get("threshold");
    if (present(t)) {
      if (t.isNumber()) {
        threshold = t.doubleValue();
      } else {
        p.add(new Problem("threshold", "must be a number >= 0"));
      }
    } else if (base.threshold() < 0) {
      p.add(new Problem("threshold", "is required"));
    }
    int window = base.windowMinutes();
    JsonNode w = n.get("windowMinutes");
    if (present(w)) {
      if (w.isIntegralNumber() && w.canConvertToInt()) {
        window = w.intValue();
      } else {
        p.add(new Problem("windowMinutes", "must be a whole number from 1 to 43200"));
      }
    }
    String agentId = base.agentId();
    List<String> tags = base.tags();
    JsonNode scope = n.get("scope");
    if (present(scope)) {
      if (!scope.isObject()) {
        p.add(new Problem("scope", "must be an object"));
      } else {
        agentId = present(scope.get("agentId")) ? text(scope, "agentId", null, p) : null;
        tags = present(scope.get("tags")) ? strings(scope.get("tags"), "scope.tags", p) : List.of();
      }
    }
    List<String> channels = base.notifyChannels();
    if (present(n.get("notifyChannels"))) {
      channels = strings(n.get("notifyChannels"), "notifyChannels", p);
    }
    String secret = base.webhookSecret();
    JsonNode ws = n.get("webhookSecret");
    if (present(ws)) {
      if (!ws.isTextual() || ws.asText().length() > 500) {
        p.add(
            new Problem(
                "webhookSecret", "must be text of at most 500 characters (\"\" removes it)"));
      } else {
        secret = ws.asText().isEmpty() ? null : ws.asText();
      }
    }
    if (condition == null && c == null) {
      p.add(new Problem("condition", "is required"));
    }
    if (!p.isEmpty()) {
      throw new BadRequestException("Validation failed", p);
    }
    return new AlertRule.AlertSpec(
        name, enabled, condition, threshold, window, agentId, tags, channels, secret);
  }

  static BadRequestException invalid(AlertRules.InvalidSpecException e) {
    return new BadRequestException(
        "Validation failed",
        e.problems().stream().map(x -> new Problem(x.field(), x.message())).toList());
  }

  private static boolean present(JsonNode n) {
    return n != null && !n.isNull() && !n.isMissingNode();
  }

  private static String text(JsonNode n, String field, String base, List<Problem> p) {
    JsonNode v = n.get(field);
    if (!present(v)) {
      return base;
    }
    if (!v.isTextual()) {
      p.add(new Problem(field, "must be a string"));
      return base;
    }
    return v.textValue();
  }

  private static List<String> strings(JsonNode v, String field, List<Problem> p) {
    if (!v.isArray()) {
      p.add(new Problem(field, "must be an array of strings"));
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (v.get(i).isTextual()) {
        out.add(v.get(i).textValue());
      } else {
        p.add(new Problem(field + "." + i, "must be a string"));
      }
    }
    return out;
  }

  private static String conditions() {
    return Arrays.stream(AlertCondition.values())
        .map(AlertCondition::wireName)
        .collect(Collectors.joining(", "));
  }

  static String rule(AlertRule r) {
    return JsonViews.render(g -> rule(g, r));
  }

  public static String rules(List<AlertRule> rules) {
    return JsonViews.render(
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("rules");
          for (AlertRule r : rules) {
            rule(g, r);
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  private static void rule(JsonGenerator g, AlertRule r) throws IOException {
    AlertRule.AlertSpec s = r.spec();
    g.writeStartObject();
    g.writeStringField("id", r.id());
    g.writeStringField("tenantId", r.orgId());
    g.writeStringField("name", s.name());
    g.writeBooleanField("enabled", s.enabled());
    g.writeStringField("condition", s.condition().wireName());
    g.writeNumberField("threshold", s.threshold());
    g.writeNumberField("windowMinutes", s.windowMinutes());
    g.writeObjectFieldStart("scope");
    if (s.agentId() != null) {
      g.writeStringField("agentId", s.agentId());
    }
    if (!s.tags().isEmpty()) {
      g.writeArrayFieldStart("tags");
      for (String t : s.tags()) {
        g.writeString(t);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeArrayFieldStart("notifyChannels");
    for (String ch : s.notifyChannels()) {
      g.writeString(ch);
    }
    g.writeEndArray();
    g.writeBooleanField("webhookSecretSet", s.webhookSecret() != null);
    g.writeStringField("createdAt", JsonViews.time(r.createdAt()));
    g.writeStringField("updatedAt", JsonViews.time(r.updatedAt()));
    g.writeEndObject();
  }

  public static String history(List<AlertFiring> firings, long total) {
    return JsonViews.render(
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("history");
          for (AlertFiring f : firings) {
            g.writeStartObject();
            g.writeStringField("id", f.id());
            g.writeStringField("ruleId", f.ruleId());
            g.writeStringField("ruleName", f.ruleName());
            g.writeStringField("condition", f.condition().wireName());
            g.writeNumberField("value", f.value());
            g.writeNumberField("threshold", f.threshold());
            g.writeStringField("windowFrom", JsonViews.time(f.windowFrom()));
            g.writeStringField("triggeredAt", JsonViews.time(f.triggeredAt()));
            g.writeArrayFieldStart("deliveries");
            for (AlertFiring.Delivery d : f.deliveries()) {
              g.writeStartObject();
              g.writeStringField("channel", d.channel());
              g.writeBooleanField("ok", d.ok());
              if (d.error() != null) {
                g.writeStringField("error", d.error());
              }
              g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeNumberField("total", total);
          g.writeEndObject();
        });
  }
}
