package ai.agentlens.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTest {

  private static Event sample() {
    return Event.unwritten(
        "01HZZZZZZZZZZZZZZZZZZZZZZZ",
        "org1",
        "s1",
        "a1",
        EventType.CUSTOM,
        Severity.INFO,
        Instant.parse("2025-01-01T00:00:00.123456789Z"),
        "{\"type\":\"t\",\"data\":{}}",
        "{}");
  }

  @Test
  void unwrittenEventsHaveNoChainYetAndMicrosecondTimestamps() {
    Event e = sample();
    assertThat(e.sequence()).isZero();
    assertThat(e.prevHash()).isNull();
    assertThat(e.hash()).isNull();
    assertThat(e.timestamp()).isEqualTo(Instant.parse("2025-01-01T00:00:00.123456Z"));
  }

  @Test
  void chainingKeepsEverythingElse() {
    Event e = sample().chained(3, "a".repeat(64), "b".repeat(64));
    assertThat(e.sequence()).isEqualTo(3);
    assertThat(e.prevHash()).hasSize(64);
    assertThat(e)
        .usingRecursiveComparison()
        .ignoringFields("sequence", "prevHash", "hash")
        .isEqualTo(sample());
  }

  @Test
  void requiredFieldsAndSequenceAreChecked() {
    assertThatThrownBy(
            () ->
                Event.unwritten(
                    null,
                    "o",
                    "s",
                    "a",
                    EventType.CUSTOM,
                    Severity.INFO,
                    Instant.EPOCH,
                    "{}",
                    "{}"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("id");
    assertThatThrownBy(() -> sample().chained(-1, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void wireNamesRoundTripAndServerOnlyTypesAreMarked() {
    for (EventType t : EventType.values()) {
      assertThat(EventType.fromWireName(t.wireName())).contains(t);
    }
    assertThat(EventType.values()).hasSize(26);
    assertThat(java.util.Arrays.stream(EventType.values()).filter(t -> !t.clientIngestible()))
        .containsExactlyInAnyOrder(
            EventType.ERROR,
            EventType.EVAL_RESULT,
            EventType.HUMAN_SCORE,
            EventType.FEEDBACK,
            EventType.SKILL_ACTIVATED);
    assertThat(EventType.fromWireName("LLM_CALL")).isEmpty();
    assertThat(Severity.fromWireName("warn")).contains(Severity.WARN);
    assertThat(Severity.fromWireName(null)).isEmpty();
    assertThat(Severity.CRITICAL.isError()).isTrue();
    assertThat(Severity.WARN.isError()).isFalse();
  }
}
