package ai.agentlens.core.guardrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.guardrail.model.GuardrailRule;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule bodies: defaults of §4.3.6, every field's range, precise messages, partial updates. */
class RuleValidatorTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static GuardrailRule create(String json) {
    return RuleValidator.create(JsonReader.readObject(json), "r1", "o1", T0);
  }

  private static List<FieldError> errors(String json) {
    try {
      create(json);
    } catch (RuleInvalidException e) {
      return e.errors();
    }
    throw new AssertionError("accepted: " + json);
  }

  @Test
  void defaultsOfAMetricRule() {
    GuardrailRule r =
        create(
            "{\"name\":\"errors\",\"conditionType\":\"error_rate_threshold\",\"actionType\":\"pause_agent\"}");
    assertThat(r.enabled()).isTrue();
    assertThat(r.dryRun()).isTrue();
    assertThat(r.cooldownMinutes()).isEqualTo(15);
    assertThat(r.priority()).isZero();
    assertThat(r.direction()).isNull();
    assertThat(r.toolNames()).isEmpty();
    assertThat(r.conditionConfig())
        .isEqualTo(JsonReader.readObject("{\"threshold\":30,\"windowMinutes\":5}"));
    assertThat(r.actionConfig()).isEqualTo(JsonObject.EMPTY);
    assertThat(r.createdAt()).isEqualTo(T0);
  }

  @Test
  void defaultsOfEveryCondition() {
    assertThat(config("cost_limit", "alert")).isEqualTo("{\"maxCostUsd\":10,\"scope\":\"daily\"}");
    assertThat(config("health_score_threshold", "alert"))
        .isEqualTo("{\"minScore\":50,\"windowDays\":7}");
    assertThat(config("toxicity_detection", "block"))
        .isEqualTo(
            "{\"backend\":\"local_wordlist\",\"threshold\":0.7,"
                + "\"categories\":[\"profanity\",\"insult\",\"threat\",\"harassment\"]}");
    assertThat(config("prompt_injection", "block")).contains("\"sensitivity\":\"medium\"");
    assertThat(config("pii_detection", "redact"))
        .startsWith("{\"patterns\":[\"ssn\",\"credit_card\"");
  }

  private static String config(String condition, String action) {
    return ai.agentlens.core.json.JsonWriter.write(
        create(
                "{\"name\":\"n\",\"conditionType\":\""
                    + condition
                    + "\",\"actionType\":\""
                    + action
                    + "\"}")
            .conditionConfig());
  }

  @Test
  void nullMeansAbsentAsTheJavaSdkSendsIt() {
    GuardrailRule r =
        create(
            "{\"name\":\"n\",\"description\":null,\"agentId\":null,\"enabled\":null,\"dryRun\":null,"
                + "\"conditionType\":\"cost_limit\",\"conditionConfig\":null,\"actionType\":\"alert\"}");
    assertThat(r.enabled()).isTrue();
    assertThat(r.description()).isNull();
  }

  @Test
  void everyProblemIsNamed() {
    assertThat(
            errors(
                "{\"name\":\"\",\"conditionType\":\"error_rate\",\"actionType\":\"shout\","
                    + "\"cooldownMinutes\":1441,\"priority\":-1001,\"dryRun\":\"yes\",\"direction\":\"up\","
                    + "\"toolNames\":[1],\"colour\":\"red\"}"))
        .extracting(FieldError::path)
        .containsExactlyInAnyOrder(
            "colour",
            "name",
            "dryRun",
            "cooldownMinutes",
            "priority",
            "direction",
            "toolNames",
            "conditionType",
            "actionType");
    assertThat(errors("{\"conditionType\":\"cost_limit\",\"actionType\":\"alert\"}"))
        .containsExactly(new FieldError("name", "is required (1 to 200 characters)"));
    assertThat(
            errors(
                "{\"name\":\""
                    + "x".repeat(201)
                    + "\",\"conditionType\":\"cost_limit\",\"actionType\":\"alert\"}"))
        .containsExactly(new FieldError("name", "must be text of 1 to 200 characters"));
    assertThat(
            errors(
                "{\"name\":\"n\",\"conditionType\":\"error_rate_threshold\",\"actionType\":\"alert\","
                    + "\"conditionConfig\":{\"threshold\":101,\"windowMinutes\":0.5}}"))
        .containsExactly(
            new FieldError("conditionConfig.threshold", "must be a number from 0 to 100"),
            new FieldError(
                "conditionConfig.windowMinutes", "must be a whole number from 1 to 1440"));
  }

  @Test
  void actionsMustFitTheCondition() {
    assertThat(
            errors(
                "{\"name\":\"n\",\"conditionType\":\"pii_detection\",\"actionType\":\"pause_agent\"}"))
        .extracting(FieldError::message)
        .containsExactly(
            "pause_agent cannot act on a content condition; use block, redact, alert, log_and_continue");
    assertThat(errors("{\"name\":\"n\",\"conditionType\":\"cost_limit\",\"actionType\":\"block\"}"))
        .extracting(FieldError::path)
        .containsExactly("actionType");
    assertThat(
            errors(
                "{\"name\":\"n\",\"conditionType\":\"cost_limit\",\"actionType\":\"rate_limit\"}"))
        .as("rate_limit is accepted on a metric condition and needs its limit")
        .containsExactly(
            new FieldError(
                "actionConfig.requests_per_minute",
                "is required: a whole number from 1 to 1000000"));
  }

  @Test
  void typeSpecificConfigs() {
    assertThat(
            errors(
                "{\"name\":\"n\",\"conditionType\":\"toxicity_detection\",\"actionType\":\"block\","
                    + "\"conditionConfig\":{\"backend\":\"perspective_api\"}}"))
        .containsExactly(
            new FieldError(
                "conditionConfig.backend",
                "perspective_api is not available in this build; use local_wordlist"));
    assertThat(
            errors(
                "{\"name\":\"n\",\"conditionType\":\"content_regex\",\"actionType\":\"block\","
                    + "\"conditionConfig\":{\"pattern\":\"(a+)+\"}}"))
        .extracting(FieldError::path)
        .containsExactly("conditionConfig.pattern");
    assertThat(
            errors(
                "{\"name\":\"n\",\"conditionType\":\"custom_metric\",\"actionType\":\"alert\","
                    + "\"conditionConfig\":{\"metricKeyPath\":\"q.score\",\"operator\":\"ne\"}}"))
        .containsExactly(
            new FieldError("conditionConfig.operator", "must be one of gt, gte, lt, lte, eq"),
            new FieldError("conditionConfig.value", "is required (a number)"));
    assertThat(
            errors(
                "{\"name\":\"n\",\"conditionType\":\"cost_limit\",\"actionType\":\"notify_webhook\","
                    + "\"actionConfig\":{\"url\":\"ftp://example.com/x\"}}"))
        .containsExactly(
            new FieldError(
                "actionConfig.url", "must be an absolute http or https URL with a host"));
    assertThat(
            errors(
                "{\"name\":\"n\",\"conditionType\":\"cost_limit\",\"actionType\":\"downgrade_model\"}"))
        .containsExactly(
            new FieldError("actionConfig.targetModel", "is required (1 to 200 characters)"));
    GuardrailRule regex =
        create(
            "{\"name\":\"n\",\"conditionType\":\"content_regex\",\"actionType\":\"block\","
                + "\"conditionConfig\":{\"pattern\":\"order-\\\\d+\"}}");
    assertThat(regex.conditionConfig().string("flags")).isEqualTo("gi");
    assertThat(regex.conditionConfig().string("patternName")).isEqualTo("custom");
  }

  @Test
  void updatesArePartialAndKeepTheWebhookSecret() {
    GuardrailRule r =
        create(
            "{\"name\":\"hook\",\"conditionType\":\"cost_limit\",\"actionType\":\"notify_webhook\","
                + "\"actionConfig\":{\"url\":\"https://hooks.example.com/a\",\"secret\":\"s3\"}}");
    Instant t1 = T0.plusSeconds(60);
    GuardrailRule off = RuleValidator.update(r, JsonReader.readObject("{\"enabled\":false}"), t1);
    assertThat(off.enabled()).isFalse();
    assertThat(off.name()).isEqualTo("hook");
    assertThat(off.createdAt()).isEqualTo(T0);
    assertThat(off.updatedAt()).isEqualTo(t1);
    GuardrailRule same =
        RuleValidator.update(
            r,
            JsonReader.readObject("{\"actionConfig\":{\"url\":\"https://hooks.example.com/a\"}}"),
            t1);
    assertThat(same.actionConfig().string("secret")).isEqualTo("s3");
    GuardrailRule moved =
        RuleValidator.update(
            r,
            JsonReader.readObject("{\"actionConfig\":{\"url\":\"https://other.example.com/\"}}"),
            t1);
    assertThat(moved.actionConfig().string("secret")).isNull();
    GuardrailRule retyped =
        RuleValidator.update(
            r, JsonReader.readObject("{\"conditionType\":\"error_rate_threshold\"}"), t1);
    assertThat(retyped.conditionConfig().get("threshold")).hasToString("30");
    assertThatThrownBy(
            () -> RuleValidator.update(r, JsonReader.readObject("{\"priority\":2000}"), t1))
        .isInstanceOf(RuleInvalidException.class)
        .hasMessage("priority: must be a whole number from -1000 to 1000");
  }
}
