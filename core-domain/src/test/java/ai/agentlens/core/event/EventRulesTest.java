package ai.agentlens.core.event;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.error.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The store's own check refuses what no backend could store, before any SQL runs. */
class EventRulesTest {

  private static Event event(String sessionId, String payload, Instant at) {
    return Event.unwritten(
        "e1", "org", sessionId, "agent", EventType.TOOL_CALL, Severity.INFO, at, payload, "{}");
  }

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void unstorableCharactersAreInvalidInput() {
    assertThatThrownBy(() -> EventRules.check("org", event("fz\ud800", "{}", T)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("event e1: sessionId: contains a lone surrogate (not valid Unicode)");
    assertThatThrownBy(() -> EventRules.check("org", event("a\u0001", "{}", T)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("event e1: sessionId: contains a control character");
    assertThatThrownBy(() -> EventRules.check("org", event("s", "{\"a\":\"x\\u0000\"}", T)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("event e1: payload: contains a NUL character");
    assertThatThrownBy(() -> EventRules.check("org", event("s", "{\"a\":\"\\udbff\"}", T)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("event e1: payload: contains a lone surrogate (not valid Unicode)");
    assertThatThrownBy(
            () -> EventRules.check("org", event("s", "{}", Instant.EPOCH.minusMillis(1))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("event e1: timestamp out of range");
    assertThatCode(() -> EventRules.validate("org", event("s😀", "{\"a\":\"\\ud83d\\ude00\"}", T)))
        .doesNotThrowAnyException();
  }
}
