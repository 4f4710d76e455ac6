package ai.agentlens.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertMeasurementTest {

  private final AlertMeasurement m = new AlertMeasurement(8, 2, 3.75, 120.0);

  @Test
  void valuesFollowTheReference() {
    assertThat(m.value(AlertCondition.ERROR_RATE_EXCEEDS)).isEqualTo(0.25);
    assertThat(m.value(AlertCondition.COST_EXCEEDS)).isEqualTo(3.75);
    assertThat(m.value(AlertCondition.LATENCY_EXCEEDS)).isEqualTo(120.0);
    assertThat(m.value(AlertCondition.EVENT_COUNT_EXCEEDS)).isEqualTo(8.0);
    AlertMeasurement empty = new AlertMeasurement(0, 0, 0, null);
    assertThat(empty.value(AlertCondition.ERROR_RATE_EXCEEDS)).isZero();
    assertThat(empty.value(AlertCondition.LATENCY_EXCEEDS)).isZero();
  }

  @Test
  void aRuleTriggersOnlyAboveItsThreshold() {
    assertThat(m.triggers(AlertCondition.ERROR_RATE_EXCEEDS, 0.2)).isTrue();
    assertThat(m.triggers(AlertCondition.ERROR_RATE_EXCEEDS, 0.25)).isFalse();
    assertThat(m.triggers(AlertCondition.COST_EXCEEDS, 3.74)).isTrue();
    assertThat(m.triggers(AlertCondition.LATENCY_EXCEEDS, 120)).isFalse();
    assertThat(m.triggers(AlertCondition.EVENT_COUNT_EXCEEDS, 7)).isTrue();
    assertThat(m.triggers(AlertCondition.EVENT_COUNT_EXCEEDS, 8)).isFalse();
  }

  @Test
  void noEventsForTriggersOnSilenceWhateverTheThreshold() {
    assertThat(m.triggers(AlertCondition.NO_EVENTS_FOR, 0)).isFalse();
    assertThat(new AlertMeasurement(0, 0, 0, null).triggers(AlertCondition.NO_EVENTS_FOR, 100))
        .isTrue();
  }
}
