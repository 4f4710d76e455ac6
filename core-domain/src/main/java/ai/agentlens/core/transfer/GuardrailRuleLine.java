package ai.agentlens.core.transfer;

import ai.agentlens.core.guardrail.RuleInvalidException;
import ai.agentlens.core.guardrail.RuleValidator;
import ai.agentlens.core.guardrail.model.GuardrailRule;
import ai.agentlens.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code guardrail_rule} line: a rule as its create body plus id and times. The notify
 * webhook's signing {@code secret} is never written (an export is a file people pass around); an
 * imported webhook rule sends unsigned bodies until an Owner sets the secret again.
 */
final class GuardrailRuleLine {

  static final String KIND = "guardrail_rule";

  private static final List<String> META = List.of("kind", "id", "createdAt", "updatedAt");

  private GuardrailRuleLine() {}

  static JsonObject write(GuardrailRule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.putAll(RuleValidator.toInput(r));
    m.put("actionConfig", r.actionConfig().without(List.of("secret")));
    m.put("createdAt", LineFields.time(r.createdAt()));
    m.put("updatedAt", LineFields.time(r.updatedAt()));
    return JsonObject.of(m);
  }

  static GuardrailRule read(String orgId, LineFields f) {
    String id = f.text("id");
    try {
      return RuleValidator.restore(
          f.object().without(META), id, orgId, f.time("createdAt"), f.time("updatedAt"));
    } catch (RuleInvalidException e) {
      throw f.invalid(e.getMessage());
    }
  }
}
