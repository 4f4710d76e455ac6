package ai.agentlens.api;

import java.time.Instant;

/** Event batches for the analytics suites: one small session with one timestamp for every event. */
final class AnalyticsEvents {

  private AnalyticsEvents() {}

  /**
   * A session start, then an LLM call and its response unless {@code in} is negative.
   *
   * @param session the session id
   * @param agent the agent id
   * @param name the agent's name
   * @param at every event's timestamp
   * @param in input tokens of the response, or negative for no LLM call
   * @param out output tokens
   * @param cost cost in USD
   * @return the request body
   */
  static String session(
      String session, String agent, String name, Instant at, long in, long out, double cost) {
    String head =
        "{\"sessionId\":\""
            + session
            + "\",\"agentId\":\""
            + agent
            + "\",\"timestamp\":\""
            + at
            + "\"";
    StringBuilder b = new StringBuilder("{\"events\":[");
    b.append(head)
        .append(",\"eventType\":\"session_started\",\"payload\":{\"agentName\":\"")
        .append(name)
        .append("\"}}");
    if (in >= 0) {
      String model = "\"callId\":\"c1\",\"provider\":\"openai\",\"model\":\"gpt-4o\"";
      b.append(",")
          .append(head)
          .append(",\"eventType\":\"llm_call\",\"payload\":{")
          .append(model)
          .append(",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}}");
      b.append(",")
          .append(head)
          .append(",\"eventType\":\"llm_response\",\"payload\":{")
          .append(model)
          .append(",\"completion\":\"hello\",\"usage\":{\"inputTokens\":")
          .append(in)
          .append(",\"outputTokens\":")
          .append(out)
          .append(",\"totalTokens\":")
          .append(in + out)
          .append("},\"latencyMs\":100,\"costUsd\":")
          .append(cost)
          .append("}}");
    }
    return b.append("]}").toString();
  }

  /**
   * How many events {@link #session} sends.
   *
   * @param in the input tokens given to it
   * @return 1 or 3
   */
  static int count(long in) {
    return in < 0 ? 1 : 3;
  }
}
