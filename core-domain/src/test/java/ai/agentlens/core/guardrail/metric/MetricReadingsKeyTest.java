package ai.agentlens.core.guardrail.metric;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.guardrail.RuleValidator;
import ai.agentlens.core.guardrail.model.GuardrailRule;
import ai.agentlens.core.json.JsonReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What {@link MetricReadings#key} lets rules share within one evaluation: the same measurement
 * (condition and window) with different thresholds shares; a different window, scope or metric does
 * not; defaults filled by the validator count as written.
 */
class MetricReadingsKeyTest {

  private static GuardrailRule rule(String id, String condition, String config) {
    return RuleValidator.create(
        JsonReader.readObject(
            "{\"name\":\"n\",\"conditionType\":\""
                + condition
                + "\",\"conditionConfig\":"
                + config
                + ",\"actionType\":\"pause_agent\"}"),
        id,
        "o1",
        Instant.parse("2026-03-14T10:00:00Z"));
  }

  @Test
  void sameMeasurementWithOtherThresholdsShares() {
    assertThat(MetricReadings.key(rule("a", "error_rate_threshold", "{\"threshold\":1}")))
        .isEqualTo(
            MetricReadings.key(
                rule("b", "error_rate_threshold", "{\"threshold\":90,\"windowMinutes\":5}")));
    assertThat(MetricReadings.key(rule("a", "cost_limit", "{\"maxCostUsd\":1}")))
        .isEqualTo(
            MetricReadings.key(
                rule("b", "cost_limit", "{\"maxCostUsd\":1000,\"scope\":\"daily\"}")));
    assertThat(MetricReadings.key(rule("a", "health_score_threshold", "{\"minScore\":50}")))
        .isEqualTo(
            MetricReadings.key(
                rule("b", "health_score_threshold", "{\"minScore\":99,\"windowDays\":7}")));
  }

  @Test
  void otherWindowsScopesAndMetricsDoNot() {
    assertThat(MetricReadings.key(rule("a", "error_rate_threshold", "{\"windowMinutes\":5}")))
        .isNotEqualTo(
            MetricReadings.key(rule("b", "error_rate_threshold", "{\"windowMinutes\":15}")));
    assertThat(MetricReadings.key(rule("a", "cost_limit", "{\"scope\":\"session\"}")))
        .isNotEqualTo(MetricReadings.key(rule("b", "cost_limit", "{\"scope\":\"daily\"}")));
    assertThat(
            MetricReadings.key(
                rule(
                    "a",
                    "custom_metric",
                    "{\"metricName\":\"event_count\",\"operator\":\"gt\",\"value\":1}")))
        .isNotEqualTo(
            MetricReadings.key(
                rule(
                    "b",
                    "custom_metric",
                    "{\"metricName\":\"error_count\",\"operator\":\"gt\",\"value\":1}")));
    assertThat(MetricReadings.key(rule("a", "health_score_threshold", "{\"windowDays\":1}")))
        .isNotEqualTo(
            MetricReadings.key(rule("b", "health_score_threshold", "{\"windowDays\":30}")));
  }
}
