package ai.agentlens.web.dashboard.guardrail;

import ai.agentlens.core.guardrail.detect.PiiDetector;
import ai.agentlens.core.guardrail.detect.PromptInjectionDetector;
import ai.agentlens.core.guardrail.detect.SecretsDetector;
import ai.agentlens.core.guardrail.detect.ToxicityDetector;
import ai.agentlens.core.guardrail.model.ActionType;
import ai.agentlens.core.guardrail.model.ConditionType;
import ai.agentlens.core.guardrail.model.GuardrailRule;
import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The guardrail create/edit form as data: the config fields of every condition and action type
 * (named {@code cc.<type>.<key>} and {@code ac.<type>.<key>}), turning a submitted form into the
 * same JSON body the API takes (so {@code RuleValidator} judges both alike), a rule back into form
 * values, and the validator's field paths into form field names.
 */
public final class GuardrailForm {

  /** How a field's text becomes JSON. */
  public enum Kind {
    /** A number. */
    NUMBER,
    /** Free text. */
    TEXT,
    /** A secret: never shown back. */
    SECRET,
    /** One of the options. */
    SELECT,
    /** Comma-separated values. */
    LIST,
    /** {@code Name: value} lines. */
    HEADERS
  }

  /**
   * One config field.
   *
   * @param group {@code cc} or {@code ac}
   * @param type the condition or action wire name it belongs to
   * @param key the config key
   * @param label the visible label
   * @param kind how it is read
   * @param options the choices (SELECT) or the allowed values (LIST)
   */
  public record Field(
      String group, String type, String key, String label, Kind kind, List<String> options) {

    /**
     * Returns the form field name.
     *
     * @return e.g. {@code cc.cost_limit.maxCostUsd}
     */
    public String name() {
      return group + "." + type + "." + key;
    }

    /**
     * Returns an HTML id for the field.
     *
     * @return e.g. {@code f-cc-cost_limit-maxCostUsd}
     */
    public String id() {
      return "f-" + group + "-" + type + "-" + key;
    }
  }

  /** Every config field, grouped by type in wire order. */
  public static final List<Field> FIELDS = fields();

  private GuardrailForm() {}

  private static List<Field> fields() {
    List<Field> f = new ArrayList<>();
    cc(f, "error_rate_threshold", "threshold", "Error rate threshold (%)", Kind.NUMBER);
    cc(f, "error_rate_threshold", "windowMinutes", "Window (minutes)", Kind.NUMBER);
    cc(f, "cost_limit", "maxCostUsd", "Max cost (USD)", Kind.NUMBER);
    f.add(
        new Field(
            "cc", "cost_limit", "scope", "Scope", Kind.SELECT, List.of("", "daily", "session")));
    cc(f, "health_score_threshold", "minScore", "Minimum health score", Kind.NUMBER);
    cc(f, "health_score_threshold", "windowDays", "Window (days)", Kind.NUMBER);
    cc(f, "custom_metric", "metricKeyPath", "Metadata key path", Kind.TEXT);
    f.add(
        new Field(
            "cc",
            "custom_metric",
            "metricName",
            "Or a count (legacy)",
            Kind.SELECT,
            List.of("", "event_count", "error_count", "session_count")));
    f.add(
        new Field(
            "cc",
            "custom_metric",
            "operator",
            "Operator",
            Kind.SELECT,
            List.of("", "gt", "gte", "lt", "lte", "eq")));
    cc(f, "custom_metric", "value", "Value", Kind.NUMBER);
    cc(f, "custom_metric", "windowMinutes", "Window (minutes)", Kind.NUMBER);
    f.add(new Field("cc", "pii_detection", "patterns", "Patterns", Kind.LIST, PiiDetector.NAMES));
    f.add(
        new Field(
            "cc", "secrets_detection", "patterns", "Patterns", Kind.LIST, SecretsDetector.NAMES));
    cc(f, "content_regex", "pattern", "Regular expression", Kind.TEXT);
    cc(f, "content_regex", "flags", "Flags", Kind.TEXT);
    cc(f, "content_regex", "patternName", "Pattern name", Kind.TEXT);
    f.add(
        new Field(
            "cc",
            "toxicity_detection",
            "backend",
            "Backend",
            Kind.SELECT,
            List.of("", "local_wordlist")));
    cc(f, "toxicity_detection", "threshold", "Threshold (0–1)", Kind.NUMBER);
    f.add(
        new Field(
            "cc",
            "toxicity_detection",
            "categories",
            "Categories",
            Kind.LIST,
            ToxicityDetector.CATEGORIES));
    f.add(
        new Field(
            "cc",
            "prompt_injection",
            "strategies",
            "Strategies",
            Kind.LIST,
            PromptInjectionDetector.STRATEGIES));
    f.add(
        new Field(
            "cc",
            "prompt_injection",
            "sensitivity",
            "Sensitivity",
            Kind.SELECT,
            withDefault(PromptInjectionDetector.SENSITIVITIES)));
    ac(f, "pause_agent", "reason", "Pause reason", Kind.TEXT);
    ac(f, "notify_webhook", "url", "Webhook URL (http or https)", Kind.TEXT);
    ac(f, "notify_webhook", "secret", "Signing secret (blank keeps the current one)", Kind.SECRET);
    ac(f, "notify_webhook", "headers", "Extra headers (Name: value, one per line)", Kind.HEADERS);
    ac(f, "downgrade_model", "targetModel", "Target model", Kind.TEXT);
    ac(f, "block", "message", "Message", Kind.TEXT);
    ac(f, "redact", "replacement", "Replacement", Kind.TEXT);
    ac(f, "alert", "message", "Message", Kind.TEXT);
    ac(f, "log_and_continue", "message", "Message", Kind.TEXT);
    ac(f, "rate_limit", "requests_per_minute", "Events per minute", Kind.NUMBER);
    ac(f, "rate_limit", "window", "For how many minutes", Kind.NUMBER);
    ac(f, "agentgate_policy", "policyId", "AgentGate policy id", Kind.TEXT);
    ac(f, "agentgate_policy", "reason", "Reason", Kind.TEXT);
    return List.copyOf(f);
  }

  private static List<String> withDefault(List<String> options) {
    List<String> out = new ArrayList<>();
    out.add("");
    out.addAll(options);
    return List.copyOf(out);
  }

  private static void cc(List<Field> f, String type, String key, String label, Kind kind) {
    f.add(new Field("cc", type, key, label, kind, List.of()));
  }

  private static void ac(List<Field> f, String type, String key, String label, Kind kind) {
    f.add(new Field("ac", type, key, label, kind, List.of()));
  }

  /**
   * Returns the fields of one type.
   *
   * @param group {@code cc} or {@code ac}
   * @param type the wire name
   * @return its fields
   */
  public static List<Field> of(String group, String type) {
    return FIELDS.stream().filter(x -> x.group().equals(group) && x.type().equals(type)).toList();
  }

  /**
   * Returns the condition type choices.
   *
   * @return wire names
   */
  public static List<String> conditionTypes() {
    return ConditionType.wireNames();
  }

  /**
   * Returns the action type choices.
   *
   * @return wire names
   */
  public static List<String> actionTypes() {
    return Arrays.stream(ActionType.values()).map(ActionType::wireName).toList();
  }

  /**
   * Turns a submitted form into an API body.
   *
   * @param form the form fields
   * @return the body
   */
  public static JsonObject body(Map<String, String> form) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", form.getOrDefault("name", ""));
    putText(m, "description", form.get("description"));
    m.put("enabled", form.containsKey("enabled"));
    m.put("dryRun", form.containsKey("dryRun"));
    putText(m, "agentId", form.get("agentId"));
    putText(m, "direction", form.get("direction"));
    m.put("cooldownMinutes", number(form.getOrDefault("cooldownMinutes", "")));
    m.put("priority", number(form.getOrDefault("priority", "")));
    String tools = form.get("toolNames");
    m.put("toolNames", JsonArray.of(list(tools)));
    String condition = form.getOrDefault("conditionType", "");
    String action = form.getOrDefault("actionType", "");
    m.put("conditionType", condition);
    m.put("actionType", action);
    m.put("conditionConfig", config(form, "cc", condition));
    m.put("actionConfig", config(form, "ac", action));
    m.values().removeIf(v -> v == null);
    return JsonObject.of(m);
  }

  private static JsonObject config(Map<String, String> form, String group, String type) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Field f : of(group, type)) {
      String raw = form.get(f.name());
      if (raw == null || raw.isBlank()) {
        continue;
      }
      switch (f.kind()) {
        case NUMBER -> m.put(f.key(), number(raw));
        case LIST -> m.put(f.key(), JsonArray.of(list(raw)));
        case HEADERS -> m.put(f.key(), headers(raw));
        default -> m.put(f.key(), raw.trim());
      }
    }
    return JsonObject.of(m);
  }

  private static Object number(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return JsonNumber.of(new BigDecimal(raw.trim()));
    } catch (NumberFormatException e) {
      // why: the validator names the field ("must be a number") for text it cannot read
      return raw.trim();
    }
  }

  private static List<String> list(String raw) {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    return Arrays.stream(raw.split("[\\s,]+")).filter(s -> !s.isBlank()).toList();
  }

  private static Object headers(String raw) {
    Map<String, Object> h = new LinkedHashMap<>();
    for (String line : raw.split("\\R")) {
      int colon = line.indexOf(':');
      if (line.isBlank()) {
        continue;
      }
      if (colon <= 0) {
        return line.trim();
      }
      h.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }
    return JsonObject.of(h);
  }

  private static void putText(Map<String, Object> m, String key, String v) {
    if (v != null && !v.isBlank()) {
      m.put(key, v.trim());
    }
  }

  /**
   * Returns a rule's form values (a webhook secret is never put back).
   *
   * @param r the rule
   * @return field name to text
   */
  public static Map<String, String> values(GuardrailRule r) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("name", r.name());
    v.put("description", r.description() == null ? "" : r.description());
    if (r.enabled()) {
      v.put("enabled", "on");
    }
    if (r.dryRun()) {
      v.put("dryRun", "on");
    }
    v.put("agentId", r.agentId() == null ? "" : r.agentId());
    v.put("direction", r.direction() == null ? "" : r.direction().wireName());
    v.put("cooldownMinutes", Integer.toString(r.cooldownMinutes()));
    v.put("priority", Integer.toString(r.priority()));
    v.put("toolNames", String.join(", ", r.toolNames()));
    v.put("conditionType", r.conditionType().wireName());
    v.put("actionType", r.actionType().wireName());
    fill(v, "cc", r.conditionType().wireName(), r.conditionConfig());
    fill(v, "ac", r.actionType().wireName(), r.actionConfig());
    return v;
  }

  private static void fill(Map<String, String> v, String group, String type, JsonObject cfg) {
    for (Field f : of(group, type)) {
      Object x = cfg.get(f.key());
      if (x == null || f.kind() == Kind.SECRET) {
        continue;
      }
      if (x instanceof JsonArray a) {
        List<String> items = new ArrayList<>();
        a.forEach(o -> items.add(String.valueOf(o)));
        v.put(f.name(), String.join(", ", items));
      } else if (x instanceof JsonObject o) {
        StringBuilder b = new StringBuilder();
        o.forEach((k, val) -> b.append(k).append(": ").append(val).append('\n'));
        v.put(f.name(), b.toString().trim());
      } else if (x instanceof JsonNumber n) {
        v.put(f.name(), n.text());
      } else {
        v.put(f.name(), String.valueOf(x));
      }
    }
  }

  /**
   * Maps a validator path to the form field it concerns.
   *
   * @param path e.g. {@code conditionConfig.threshold} or {@code name}
   * @param form the submitted form (for the chosen types)
   * @return the form field name
   */
  public static String fieldOf(String path, Map<String, String> form) {
    if (path.startsWith("conditionConfig.")) {
      return "cc." + form.getOrDefault("conditionType", "") + "." + path.substring(16);
    }
    if (path.startsWith("actionConfig.")) {
      return "ac." + form.getOrDefault("actionType", "") + "." + path.substring(13);
    }
    return path;
  }
}
