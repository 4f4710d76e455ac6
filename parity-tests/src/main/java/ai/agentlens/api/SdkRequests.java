package ai.agentlens.api;

import java.util.UUID;

/** Ingest request bodies shaped as the AgentLens SDKs send them. */
public final class SdkRequests {

  private SdkRequests() {}

  /**
   * Returns a fresh session id.
   *
   * @return {@code s-<uuid>}
   */
  public static String session() {
    return "s-" + UUID.randomUUID();
  }

  /**
   * Returns one SDK-shaped {@code tool_call} event as JSON, with the optional fields as JSON {@code
   * null} the way real SDKs send them.
   *
   * @param session the session id
   * @param id the client-supplied event id, or {@code null} for none
   * @return the event's JSON
   */
  public static String toolCall(String session, String id) {
    return "{"
        + (id == null ? "" : "\"id\":\"" + id + "\",")
        + "\"sessionId\":\""
        + session
        + "\",\"agentId\":\"agent-1\",\"eventType\":\"tool_call\","
        + "\"timestamp\":\"2026-11-22T10:00:00.000+01:00\",\"severity\":null,\"metadata\":null,"
        + "\"payload\":{\"toolName\":\"search\",\"callId\":\"c-"
        + UUID.randomUUID()
        + "\",\"arguments\":{\"q\":\"shoes\"}}}";
  }

  /**
   * Wraps events into an ingest request body.
   *
   * @param events the events' JSON
   * @return {@code {"events":[...]}}
   */
  public static String batch(String... events) {
    return "{\"events\":[" + String.join(",", events) + "]}";
  }
}
