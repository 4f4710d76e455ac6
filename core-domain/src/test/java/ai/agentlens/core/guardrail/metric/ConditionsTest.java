package ai.agentlens.core.guardrail.metric;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.guardrail.model.ConditionType;
import ai.agentlens.core.json.JsonReader;
import org.junit.jupiter.api.Test;

/** When a measured value breaches a metric condition. */
class ConditionsTest {

  @Test
  void thresholdsAndFloors() {
    var errors = JsonReader.readObject("{\"threshold\":30,\"windowMinutes\":5}");
    assertThat(Conditions.judge(ConditionType.ERROR_RATE_THRESHOLD, errors, 30).breached())
        .isFalse();
    assertThat(Conditions.judge(ConditionType.ERROR_RATE_THRESHOLD, errors, 30.01).breached())
        .isTrue();
    var cost = JsonReader.readObject("{\"maxCostUsd\":10,\"scope\":\"daily\"}");
    assertThat(Conditions.judge(ConditionType.COST_LIMIT, cost, 10.5))
        .isEqualTo(new Reading(10.5, 10, true));
    var health = JsonReader.readObject("{\"minScore\":50,\"windowDays\":7}");
    assertThat(Conditions.judge(ConditionType.HEALTH_SCORE_THRESHOLD, health, 49.9).breached())
        .isTrue();
    assertThat(Conditions.judge(ConditionType.HEALTH_SCORE_THRESHOLD, health, 50).breached())
        .isFalse();
  }

  @Test
  void operators() {
    assertThat(Conditions.compare("gt", 2, 2)).isFalse();
    assertThat(Conditions.compare("gte", 2, 2)).isTrue();
    assertThat(Conditions.compare("lt", 1, 2)).isTrue();
    assertThat(Conditions.compare("lte", 3, 2)).isFalse();
    assertThat(Conditions.compare("eq", 0.1 + 0.2, 0.3)).isTrue();
    var custom =
        JsonReader.readObject("{\"metricKeyPath\":\"q.score\",\"operator\":\"lt\",\"value\":0.5}");
    assertThat(Conditions.judge(ConditionType.CUSTOM_METRIC, custom, 0.4).breached()).isTrue();
  }

  @Test
  void metadataPaths() {
    var meta = JsonReader.readObject("{\"q\":{\"score\":0.25,\"label\":\"x\"},\"n\":3}");
    assertThat(Conditions.at(meta, "q.score")).isEqualTo(0.25);
    assertThat(Conditions.at(meta, "n")).isEqualTo(3.0);
    assertThat(Conditions.at(meta, "q.label")).isNull();
    assertThat(Conditions.at(meta, "q.score.deeper")).isNull();
    assertThat(Conditions.at(meta, "missing")).isNull();
  }
}
