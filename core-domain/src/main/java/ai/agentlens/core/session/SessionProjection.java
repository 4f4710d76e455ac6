package ai.agentlens.core.session;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventRules;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Session materialization (reference §1.9) as a pure function: the stores lock the session row,
 * fold the new events into it with {@link #apply}, and write it back in the same transaction.
 */
public final class SessionProjection {

  private SessionProjection() {}

  /**
   * Returns the row a session starts as, before its first event is folded in.
   *
   * @param first the session's first event
   * @return an active session with zero counters and no chain
   */
  public static Session empty(Event first) {
    return new Session(
        first.orgId(),
        first.sessionId(),
        first.agentId(),
        null,
        first.timestamp(),
        null,
        first.timestamp(),
        SessionStatus.ACTIVE,
        0,
        0,
        0,
        0.0,
        0,
        0,
        0,
        List.of(),
        0,
        null);
  }

  /**
   * Folds one chained event into its session.
   *
   * @param s the session so far
   * @param e the event, already chained (its sequence and hash become the session's tail)
   * @return the updated session
   */
  public static Session apply(Session s, Event e) {
    return apply(s, e, null);
  }

  /**
   * Folds one chained event into its session, reusing its already parsed payload.
   *
   * @param s the session so far
   * @param e the event, already chained (its sequence and hash become the session's tail)
   * @param parsedPayload {@code e}'s payload as checked by {@link EventRules#validate}, or {@code
   *     null} to take its document's tree (parsed when not yet)
   * @return the updated session
   * @throws ai.agentlens.core.json.JsonSyntaxException when the payload must be read and is not a
   *     JSON object
   */
  public static Session apply(Session s, Event e, JsonObject parsedPayload) {
    String agentName = s.agentName();
    List<String> tags = s.tags();
    java.time.Instant endedAt = s.endedAt();
    SessionStatus status = s.status();
    long toolCalls = s.toolCallCount() + (e.eventType() == EventType.TOOL_CALL ? 1 : 0);
    long errors =
        s.errorCount() + (e.severity().isError() || e.eventType() == EventType.TOOL_ERROR ? 1 : 0);
    double cost = s.totalCostUsd();
    long llmCalls = s.llmCallCount();
    long inTokens = s.totalInputTokens();
    long outTokens = s.totalOutputTokens();
    switch (e.eventType()) {
      case SESSION_STARTED -> {
        JsonObject p = payload(e, parsedPayload);
        agentName = p.string("agentName") != null ? p.string("agentName") : agentName;
        tags = p.array("tags") != null ? strings(p.array("tags")) : tags;
      }
      case SESSION_ENDED -> {
        endedAt = e.timestamp();
        status =
            "error".equals(payload(e, parsedPayload).get("reason"))
                ? SessionStatus.ERROR
                : SessionStatus.COMPLETED;
      }
      case COST_TRACKED -> cost += number(payload(e, parsedPayload), "costUsd");
      case LLM_RESPONSE -> {
        JsonObject p = payload(e, parsedPayload);
        cost += number(p, "costUsd");
        llmCalls++;
        JsonObject usage = p.object("usage") != null ? p.object("usage") : JsonObject.EMPTY;
        inTokens += (long) number(usage, "inputTokens");
        outTokens += (long) number(usage, "outputTokens");
      }
      default -> {
        // why: other types change only the generic counters
      }
    }
    java.time.Instant started =
        e.timestamp().isBefore(s.startedAt()) ? e.timestamp() : s.startedAt();
    java.time.Instant last =
        e.timestamp().isAfter(s.lastEventAt()) ? e.timestamp() : s.lastEventAt();
    return new Session(
        s.orgId(),
        s.id(),
        s.agentId(),
        agentName,
        s.eventCount() == 0 ? e.timestamp() : started,
        endedAt,
        s.eventCount() == 0 ? e.timestamp() : last,
        status,
        s.eventCount() + 1,
        toolCalls,
        errors,
        cost,
        llmCalls,
        inTokens,
        outTokens,
        tags,
        e.sequence(),
        e.hash());
  }

  private static JsonObject payload(Event e, JsonObject parsed) {
    return parsed != null ? parsed : e.payload().tree();
  }

  private static double number(JsonObject o, String key) {
    Object v = o.get(key);
    if (v instanceof JsonNumber n) {
      return n.doubleValue();
    }
    return 0.0;
  }

  private static List<String> strings(JsonArray a) {
    List<String> out = new ArrayList<>();
    for (Object o : a) {
      if (o instanceof String s) {
        out.add(s);
      }
    }
    return out;
  }
}
