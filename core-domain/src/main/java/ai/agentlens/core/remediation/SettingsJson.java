package ai.agentlens.core.remediation;

import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.remediation.model.AgentSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Agent settings as JSON ({@code preferredModel, riskThreshold, rateLimitPerMinute, systemPrompt,
 * disabledTools, disabledRoutes}), with the validation of the settings API: a field absent or
 * {@code null} is not set; unknown fields are refused.
 */
public final class SettingsJson {

  /** Longest model name. */
  public static final int MAX_NAME = 200;

  /** Longest system prompt. */
  public static final int MAX_PROMPT = 20_000;

  /** Most tools or routes in one list. */
  public static final int MAX_ITEMS = 100;

  /** Highest events-per-minute limit. */
  public static final int MAX_RATE = 1_000_000;

  private static final Set<String> FIELDS =
      Set.of(
          "preferredModel",
          "riskThreshold",
          "rateLimitPerMinute",
          "systemPrompt",
          "disabledTools",
          "disabledRoutes");

  private SettingsJson() {}

  /**
   * Reads and validates settings.
   *
   * @param o the JSON object
   * @return the settings
   * @throws SettingsInvalidException naming every bad field
   */
  public static AgentSettings parse(JsonObject o) {
    List<SettingsError> errors = new ArrayList<>();
    for (String k : o.keySet()) {
      if (!FIELDS.contains(k)) {
        errors.add(new SettingsError(k, "is not a settings field"));
      }
    }
    AgentSettings s =
        new AgentSettings(
            text(o, "preferredModel", MAX_NAME, errors),
            integer(o, "riskThreshold", 0, 100, errors),
            integer(o, "rateLimitPerMinute", 1, MAX_RATE, errors),
            text(o, "systemPrompt", MAX_PROMPT, errors),
            names(o, "disabledTools", errors),
            names(o, "disabledRoutes", errors));
    if (!errors.isEmpty()) {
      throw new SettingsInvalidException(errors);
    }
    return s;
  }

  /**
   * Writes settings; unset fields are {@code null}.
   *
   * @param s the settings
   * @return the JSON object
   */
  public static JsonObject write(AgentSettings s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("preferredModel", s.preferredModel());
    m.put("riskThreshold", s.riskThreshold() == null ? null : JsonNumber.of(s.riskThreshold()));
    m.put(
        "rateLimitPerMinute",
        s.rateLimitPerMinute() == null ? null : JsonNumber.of(s.rateLimitPerMinute()));
    m.put("systemPrompt", s.systemPrompt());
    m.put("disabledTools", s.disabledTools() == null ? null : JsonArray.of(s.disabledTools()));
    m.put("disabledRoutes", s.disabledRoutes() == null ? null : JsonArray.of(s.disabledRoutes()));
    return JsonObject.of(m);
  }

  static String text(JsonObject o, String field, int max, List<SettingsError> errors) {
    Object v = o.get(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s) || s.isBlank() || s.length() > max) {
      errors.add(new SettingsError(field, "must be text of 1 to " + max + " characters"));
      return null;
    }
    return s;
  }

  static Integer integer(JsonObject o, String field, int min, int max, List<SettingsError> errors) {
    Object v = o.get(field);
    if (v == null) {
      return null;
    }
    if (v instanceof JsonNumber n
        && n.isIntegral()
        && n.longValue() >= min
        && n.longValue() <= max) {
      return (int) n.longValue();
    }
    errors.add(new SettingsError(field, "must be a whole number from " + min + " to " + max));
    return null;
  }

  private static List<String> names(JsonObject o, String field, List<SettingsError> errors) {
    Object v = o.get(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonArray a) || a.size() > MAX_ITEMS) {
      errors.add(new SettingsError(field, "must be a list of at most " + MAX_ITEMS + " names"));
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Object item : a) {
      if (!(item instanceof String s) || s.isBlank() || s.length() > MAX_NAME) {
        errors.add(new SettingsError(field, "must hold names of 1 to " + MAX_NAME + " characters"));
        return null;
      }
      if (!out.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }
}
