package ai.agentlens.web.dashboard.guardrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.guardrail.RuleInvalidException;
import ai.agentlens.core.guardrail.RuleValidator;
import ai.agentlens.core.guardrail.model.ActionType;
import ai.agentlens.core.guardrail.model.ConditionType;
import ai.agentlens.core.guardrail.model.GuardrailRule;
import ai.agentlens.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardrailFormTest {

  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

  private static Map<String, String> form(String condition, String action) {
    Map<String, String> f = new HashMap<>();
    f.put("name", "r");
    f.put("conditionType", condition);
    f.put("actionType", action);
    f.put("cooldownMinutes", "5");
    f.put("priority", "");
    f.put("enabled", "on");
    return f;
  }

  @Test
  void onlyTheChosenTypesFieldsBecomeTheConfigWithTypedValues() {
    Map<String, String> f = form("error_rate_threshold", "rate_limit");
    f.put("cc.error_rate_threshold.threshold", "12.5");
    f.put("cc.cost_limit.maxCostUsd", "3");
    f.put("ac.rate_limit.requests_per_minute", "20");
    f.put("ac.pause_agent.reason", "ignored");
    f.put("toolNames", "search, fetch");
    JsonObject body = GuardrailForm.body(f);
    assertThat(body.get("dryRun")).isEqualTo(false);
    assertThat(body.get("enabled")).isEqualTo(true);
    assertThat(body.containsKey("priority")).isFalse();
    GuardrailRule r = RuleValidator.create(body, "id1", "o1", NOW);
    assertThat(r.conditionType()).isEqualTo(ConditionType.ERROR_RATE_THRESHOLD);
    assertThat(((Number) r.conditionConfig().get("threshold")).doubleValue()).isEqualTo(12.5);
    assertThat(r.conditionConfig().containsKey("maxCostUsd")).isFalse();
    assertThat(r.actionType()).isEqualTo(ActionType.RATE_LIMIT);
    assertThat(((Number) r.actionConfig().get("requests_per_minute")).intValue()).isEqualTo(20);
    assertThat(((Number) r.actionConfig().get("window")).intValue()).isEqualTo(60);
    assertThat(r.actionConfig().containsKey("reason")).isFalse();
    assertThat(r.toolNames()).containsExactly("search", "fetch");
    assertThat(r.cooldownMinutes()).isEqualTo(5);
  }

  @Test
  void aRuleGoesBackIntoTheFormWithoutItsSecretAndRoundTrips() {
    Map<String, String> f = form("pii_detection", "notify_webhook");
    f.put("cc.pii_detection.patterns", "email,ssn");
    assertThatThrownBy(() -> RuleValidator.create(GuardrailForm.body(f), "x", "o1", NOW))
        .isInstanceOf(RuleInvalidException.class);
    f.put("conditionType", "error_rate_threshold");
    f.put("ac.notify_webhook.url", "https://hooks.example.com/x");
    f.put("ac.notify_webhook.secret", "s3cret");
    f.put("ac.notify_webhook.headers", "X-Team: ops\nX-Env: prod");
    GuardrailRule r = RuleValidator.create(GuardrailForm.body(f), "id2", "o1", NOW);
    assertThat(r.actionConfig().get("secret")).isEqualTo("s3cret");
    Map<String, String> values = GuardrailForm.values(r);
    assertThat(values).doesNotContainKey("ac.notify_webhook.secret");
    assertThat(values.get("ac.notify_webhook.headers")).isEqualTo("X-Team: ops\nX-Env: prod");
    assertThat(values.get("ac.notify_webhook.url")).isEqualTo("https://hooks.example.com/x");
    assertThat(values).containsKey("enabled").doesNotContainKey("dryRun");
    GuardrailRule again = RuleValidator.update(r, GuardrailForm.body(values), NOW);
    assertThat(again.actionConfig()).isEqualTo(r.actionConfig());
    assertThat(again.conditionConfig()).isEqualTo(r.conditionConfig());
  }

  @Test
  void validatorPathsPointAtTheChosenTypesFields() {
    Map<String, String> f = form("cost_limit", "downgrade_model");
    assertThat(GuardrailForm.fieldOf("conditionConfig.maxCostUsd", f))
        .isEqualTo("cc.cost_limit.maxCostUsd");
    assertThat(GuardrailForm.fieldOf("actionConfig.targetModel", f))
        .isEqualTo("ac.downgrade_model.targetModel");
    assertThat(GuardrailForm.fieldOf("name", f)).isEqualTo("name");
    f.put("cc.cost_limit.maxCostUsd", "lots");
    assertThatThrownBy(() -> RuleValidator.create(GuardrailForm.body(f), "x", "o1", NOW))
        .isInstanceOfSatisfying(
            RuleInvalidException.class,
            e ->
                assertThat(e.errors())
                    .extracting(x -> x.path())
                    .contains("conditionConfig.maxCostUsd", "actionConfig.targetModel"));
  }
}
