package ai.agentlens.core.replay;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs the halves of a session's exchanges: {@code llm_call} with {@code llm_response} and {@code
 * tool_call} with {@code tool_response} or {@code tool_error}, both by {@code callId}; {@code
 * approval_requested} with its decision by {@code requestId}. When an id repeats, the first opener
 * is paired with the first closer.
 */
final class Pairing {

  private final Map<String, Event> openers = new HashMap<>();
  private final Map<String, Event> closers = new HashMap<>();

  Pairing(List<Event> events) {
    for (Event e : events) {
      String key = key(e);
      if (key != null) {
        (opens(e.eventType()) ? openers : closers).putIfAbsent(key, e);
      }
    }
  }

  /**
   * Returns the other half of an event's pair.
   *
   * @param e the event
   * @return the partner, or {@code null}
   */
  Event partner(Event e) {
    String key = key(e);
    if (key == null) {
      return null;
    }
    Event other = (opens(e.eventType()) ? closers : openers).get(key);
    // why: a repeated id pairs only its first opener and closer; the others stay unpaired
    Event mine = (opens(e.eventType()) ? openers : closers).get(key);
    return mine != null && mine.id().equals(e.id()) ? other : null;
  }

  static Long durationMs(Event a, Event b) {
    if (b == null) {
      return null;
    }
    return Math.abs(Duration.between(a.timestamp(), b.timestamp()).toMillis());
  }

  static String key(Event e) {
    return switch (e.eventType()) {
      case LLM_CALL, LLM_RESPONSE -> prefixed("llm:", e, "callId");
      case TOOL_CALL, TOOL_RESPONSE, TOOL_ERROR -> prefixed("tool:", e, "callId");
      case APPROVAL_REQUESTED, APPROVAL_GRANTED, APPROVAL_DENIED, APPROVAL_EXPIRED ->
          prefixed("approval:", e, "requestId");
      default -> null;
    };
  }

  private static boolean opens(EventType t) {
    return t == EventType.LLM_CALL || t == EventType.TOOL_CALL || t == EventType.APPROVAL_REQUESTED;
  }

  private static String prefixed(String prefix, Event e, String field) {
    String id = e.payload().tree().string(field);
    return id == null || id.isEmpty() ? null : prefix + id;
  }
}
