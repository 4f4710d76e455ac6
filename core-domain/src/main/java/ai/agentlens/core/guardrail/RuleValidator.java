package ai.agentlens.core.guardrail;

import ai.agentlens.core.guardrail.model.ActionType;
import ai.agentlens.core.guardrail.model.ConditionType;
import ai.agentlens.core.guardrail.model.Direction;
import ai.agentlens.core.guardrail.model.GuardrailRule;
import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a create body or an update patch (reference §4.3.6 CreateGuardrailRule) into a {@link
 * GuardrailRule}, listing every problem with its field. {@code null} means absent (the Java SDK
 * sends unset optionals as {@code null}, reference §3.6). Unknown top-level fields are refused.
 */
public final class RuleValidator {

  /** Longest name. */
  public static final int MAX_NAME = 200;

  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "description",
          "enabled",
          "conditionType",
          "conditionConfig",
          "actionType",
          "actionConfig",
          "agentId",
          "cooldownMinutes",
          "dryRun",
          "direction",
          "toolNames",
          "priority");

  private RuleValidator() {}

  /**
   * Validates a new rule.
   *
   * @param body the request body
   * @param id the new rule's id
   * @param orgId its org
   * @param now creation time
   * @return the rule with defaults filled in
   * @throws RuleInvalidException listing every problem
   */
  public static GuardrailRule create(JsonObject body, String id, String orgId, Instant now) {
    return build(body, id, orgId, now, now);
  }

  /**
   * Validates a rule read back from an export, keeping its times.
   *
   * @param body the rule as a create body ({@link #toInput})
   * @param id the rule's id
   * @param orgId the org it goes to
   * @param created its creation time
   * @param updated its last change
   * @return the rule with defaults filled in
   * @throws RuleInvalidException listing every problem
   */
  public static GuardrailRule restore(
      JsonObject body, String id, String orgId, Instant created, Instant updated) {
    return build(body, id, orgId, created, updated);
  }

  /**
   * Applies a partial update: fields present in the patch replace the rule's; a config given in the
   * patch replaces the whole config (a webhook secret left out of a same-URL config is kept, since
   * responses never show it).
   *
   * @param existing the stored rule
   * @param patch the request body
   * @param now update time
   * @return the updated rule
   * @throws RuleInvalidException listing every problem
   */
  public static GuardrailRule update(GuardrailRule existing, JsonObject patch, Instant now) {
    Map<String, Object> merged = new LinkedHashMap<>(toInput(existing));
    for (Map.Entry<String, Object> e : patch.entrySet()) {
      if (e.getValue() != null) {
        merged.put(e.getKey(), e.getValue());
      }
    }
    if (patch.get("conditionType") != null
        && patch.get("conditionConfig") == null
        && !patch.get("conditionType").equals(existing.conditionType().wireName())) {
      merged.remove("conditionConfig");
    }
    if (patch.get("actionType") != null
        && patch.get("actionConfig") == null
        && !patch.get("actionType").equals(existing.actionType().wireName())) {
      merged.remove("actionConfig");
    }
    if (patch.get("actionConfig") instanceof JsonObject ac
        && ac.get("secret") == null
        && existing.actionConfig().get("secret") != null
        && existing.actionConfig().get("url") != null
        && existing.actionConfig().get("url").equals(ac.get("url"))) {
      merged.put("actionConfig", ac.with("secret", existing.actionConfig().get("secret")));
    }
    return build(JsonObject.of(merged), existing.id(), existing.orgId(), existing.createdAt(), now);
  }

  /**
   * Returns a rule as a create body (the inverse of {@link #create}).
   *
   * @param r the rule
   * @return its fields
   */
  public static Map<String, Object> toInput(GuardrailRule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.name());
    m.put("description", r.description());
    m.put("enabled", r.enabled());
    m.put("conditionType", r.conditionType().wireName());
    m.put("conditionConfig", r.conditionConfig());
    m.put("actionType", r.actionType().wireName());
    m.put("actionConfig", r.actionConfig());
    m.put("agentId", r.agentId());
    m.put("cooldownMinutes", JsonNumber.of(r.cooldownMinutes()));
    m.put("dryRun", r.dryRun());
    m.put("direction", r.direction() == null ? null : r.direction().wireName());
    m.put("toolNames", JsonArray.of(r.toolNames()));
    m.put("priority", JsonNumber.of(r.priority()));
    return m;
  }

  private static GuardrailRule build(
      JsonObject body, String id, String orgId, Instant created, Instant updated) {
    List<FieldError> errors = new ArrayList<>();
    for (String key : body.keySet()) {
      if (!FIELDS.contains(key)) {
        errors.add(new FieldError(key, "is not a guardrail rule field"));
      }
    }
    ConfigReader top = new ConfigReader(body, "", errors);
    String name = top.text("name", MAX_NAME, true);
    String description = top.text("description", 2000, false);
    boolean enabled = bool(body, "enabled", true, errors);
    boolean dryRun = bool(body, "dryRun", true, errors);
    String agentId = top.text("agentId", 256, false);
    int cooldown = top.integer("cooldownMinutes", 15, 0, 1440);
    int priority = top.integer("priority", 0, -1000, 1000);
    String dir = top.oneOf("direction", null, List.of("input", "output", "both"));
    List<String> tools = toolNames(body.get("toolNames"), errors);

    ConditionType condition =
        enumOf(
            body, "conditionType", ConditionType.wireNames(), errors, ConditionType::fromWireName);
    ActionType action =
        enumOf(body, "actionType", ActionType.wireNames(), errors, ActionType::fromWireName);
    JsonObject conditionConfig = JsonObject.EMPTY;
    JsonObject actionConfig = JsonObject.EMPTY;
    if (condition != null) {
      conditionConfig =
          Configs.condition(condition, object(body, "conditionConfig", errors), errors);
    }
    if (action != null) {
      if (!action.available()) {
        errors.add(
            new FieldError("actionType", action.wireName() + " is not available in this build"));
      } else if (condition != null && !action.allowedFor(condition.isContent())) {
        errors.add(
            new FieldError(
                "actionType",
                action.wireName()
                    + " cannot act on "
                    + (condition.isContent() ? "a content" : "a metric")
                    + " condition; use "
                    + String.join(
                        ", ",
                        java.util.Arrays.stream(ActionType.values())
                            .filter(a -> a.allowedFor(condition.isContent()))
                            .map(ActionType::wireName)
                            .toList())));
      } else {
        actionConfig = Configs.action(action, object(body, "actionConfig", errors), errors);
      }
    }
    if (!errors.isEmpty()) {
      throw new RuleInvalidException(errors);
    }
    return new GuardrailRule(
        id,
        orgId,
        name,
        description,
        enabled,
        condition,
        conditionConfig,
        action,
        actionConfig,
        agentId,
        cooldown,
        dryRun,
        dir == null ? null : Direction.fromWireName(dir).orElseThrow(),
        tools,
        priority,
        created,
        updated);
  }

  private static boolean bool(JsonObject body, String key, boolean def, List<FieldError> errors) {
    Object v = body.get(key);
    if (v == null) {
      return def;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    errors.add(new FieldError(key, "must be true or false"));
    return def;
  }

  private static JsonObject object(JsonObject body, String key, List<FieldError> errors) {
    Object v = body.get(key);
    if (v == null) {
      return JsonObject.EMPTY;
    }
    if (v instanceof JsonObject o) {
      return o;
    }
    errors.add(new FieldError(key, "must be an object"));
    return JsonObject.EMPTY;
  }

  private static List<String> toolNames(Object v, List<FieldError> errors) {
    if (v == null) {
      return List.of();
    }
    if (v instanceof JsonArray a && a.size() <= 100) {
      List<String> out = new ArrayList<>();
      for (Object o : a) {
        if (!(o instanceof String s) || s.isBlank() || s.length() > 256) {
          errors.add(
              new FieldError("toolNames", "must be an array of tool names (1 to 256 characters)"));
          return List.of();
        }
        out.add(s);
      }
      return out;
    }
    errors.add(new FieldError("toolNames", "must be an array of at most 100 tool names"));
    return List.of();
  }

  private static <T> T enumOf(
      JsonObject body,
      String key,
      List<String> names,
      List<FieldError> errors,
      java.util.function.Function<String, java.util.Optional<T>> lookup) {
    Object v = body.get(key);
    if (!(v instanceof String s)) {
      errors.add(new FieldError(key, "is required: one of " + String.join(", ", names)));
      return null;
    }
    java.util.Optional<T> t = lookup.apply(s);
    if (t.isEmpty()) {
      errors.add(new FieldError(key, "must be one of " + String.join(", ", names)));
      return null;
    }
    return t.get();
  }
}
