package ai.agentlens.testing;

import ai.agentlens.core.event.Envelope;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Envelopes that look like real ingest traffic, for queue tests and benchmarks: LLM calls and
 * responses, tool calls, with prompts, completions and token counts, about 600 bytes per event.
 */
public final class SampleEnvelopes {

  private static final String PROMPT =
      "You are a helpful travel assistant. The user wants a three-day itinerary for Lisbon in "
          + "early spring, with one day trip, vegetarian restaurants, and public transport only. "
          + "Summarise the weather risks and list museum opening hours.";
  private static final String COMPLETION =
      "Day 1: Alfama and the castle, lunch at a vegetarian tasca, tram 28 back to Baixa. Day 2: "
          + "Sintra by train from Rossio (40 min), Pena Palace opens 9:30. Day 3: Belem, the "
          + "Gulbenkian museum (closed Tuesdays). Expect showers; pack a light rain jacket.";

  private SampleEnvelopes() {}

  /**
   * Returns an envelope of {@code events} realistic events of one session.
   *
   * @param orgId the org
   * @param events how many events, at least 1
   * @return the envelope (about {@code 600 × events} bytes encoded)
   */
  public static Envelope realistic(String orgId, int events) {
    return realistic(orgId, "sess-" + UUID.randomUUID(), events);
  }

  /**
   * Returns an envelope of {@code events} realistic events of the given session.
   *
   * @param orgId the org
   * @param session the session
   * @param events how many events, at least 1
   * @return the envelope
   */
  public static Envelope realistic(String orgId, String session, int events) {
    Instant t = Instant.parse("2025-06-01T12:00:00.000001Z");
    List<Event> list = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      list.add(
          Event.unwritten(
              UUID.randomUUID().toString(),
              orgId,
              session,
              "travel-agent",
              i % 3 == 0
                  ? EventType.LLM_CALL
                  : i % 3 == 1 ? EventType.LLM_RESPONSE : EventType.TOOL_CALL,
              i % 50 == 49 ? Severity.WARN : Severity.INFO,
              t.plusMillis(137L * i),
              payload(i),
              "{\"sdk\":\"agentlens-python/0.9.1\",\"env\":\"prod\",\"region\":\"eu-west-1\"}"));
    }
    return new Envelope(UUID.randomUUID().toString(), orgId, "key-" + orgId, Instant.now(), list);
  }

  /**
   * Returns an envelope of one realistic event in each of {@code sessions} fresh sessions, in
   * session order, as one SDK batch of a busy agent fleet would be.
   *
   * @param orgId the org
   * @param sessions how many sessions, at least 1
   * @return the envelope
   */
  public static Envelope acrossSessions(String orgId, int sessions) {
    List<Event> list = new ArrayList<>(sessions);
    for (int i = 0; i < sessions; i++) {
      list.addAll(realistic(orgId, 1).events());
    }
    return new Envelope(UUID.randomUUID().toString(), orgId, "key-" + orgId, Instant.now(), list);
  }

  /**
   * Returns a small envelope of two events.
   *
   * @param orgId the org
   * @return the envelope
   */
  public static Envelope small(String orgId) {
    return realistic(orgId, 2);
  }

  private static String payload(int i) {
    return switch (i % 3) {
      case 0 ->
          "{\"model\":\"gpt-4o-mini\",\"provider\":\"openai\",\"temperature\":0.2,"
              + "\"messages\":[{\"role\":\"user\",\"content\":\""
              + PROMPT
              + "\"}],\"call\":"
              + i
              + "}";
      case 1 ->
          "{\"model\":\"gpt-4o-mini\",\"completion\":\""
              + COMPLETION
              + "\","
              + "\"inputTokens\":412,\"outputTokens\":268,\"costUsd\":0.000223,\"latencyMs\":1840}";
      default ->
          "{\"toolName\":\"search_museums\",\"arguments\":{\"city\":\"Lisbon\","
              + "\"open_on\":\"2025-03-18\",\"categories\":[\"art\",\"history\",\"science\"]},"
              + "\"callId\":\"call_"
              + i
              + "\",\"notes\":\""
              + PROMPT.substring(0, 180)
              + "\"}";
    };
  }
}
