package ai.agentlens.core.guardrail.metric;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A custom metric read from a metadata path takes the newest stored event that has the path. */
class MetricReadingsNewestTest {

  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

  private static Event ev(String id, long second, String metadata) {
    return Event.unwritten(
        id,
        "o",
        "s",
        "a",
        EventType.CUSTOM,
        Severity.INFO,
        T0.plusSeconds(second),
        "{\"type\":\"t\",\"data\":{}}",
        metadata);
  }

  @Test
  void theNewestEventByTimestampWinsWhateverTheOrderOfTheBatch() {
    List<Event> stored =
        List.of(
            ev("e1", 5, "{\"q\":{\"score\":5}}"),
            ev("e2", 9, "{\"q\":{\"score\":9}}"),
            ev("e3", 1, "{\"q\":{\"score\":1}}"));
    assertThat(MetricReadings.newestAt(stored, "q.score")).contains(9.0);
  }

  @Test
  void equalTimestampsAreOrderedById() {
    List<Event> stored =
        List.of(ev("e9", 3, "{\"q\":{\"score\":2}}"), ev("e1", 3, "{\"q\":{\"score\":7}}"));
    assertThat(MetricReadings.newestAt(stored, "q.score")).contains(2.0);
  }

  @Test
  void aNewerEventWithoutThePathFallsBackToTheNewestThatHasIt() {
    List<Event> stored =
        List.of(
            ev("e1", 1, "{\"q\":{\"score\":1}}"),
            ev("e2", 4, "{\"q\":{\"score\":4}}"),
            ev("e3", 8, "{\"q\":{\"other\":8}}"),
            ev("e4", 9, "{\"q\":{\"score\":\"high\"}}"));
    assertThat(MetricReadings.newestAt(stored, "q.score")).contains(4.0);
  }

  @Test
  void noEventWithThePathMeasuresNothing() {
    assertThat(MetricReadings.newestAt(List.of(ev("e1", 1, "{\"env\":\"x\"}")), "q.score"))
        .isEqualTo(Optional.empty());
    assertThat(MetricReadings.newestAt(List.of(), "q.score")).isEmpty();
  }
}
