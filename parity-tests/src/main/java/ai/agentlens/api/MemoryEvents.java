package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Builds the events of the reflect and context suites and sends them in one request. */
final class MemoryEvents {

  private MemoryEvents() {}

  static String ev(
      String session, String agent, String type, String at, String payload, String metadata) {
    return "{\"sessionId\":\""
        + session
        + "\",\"agentId\":\""
        + agent
        + "\",\"eventType\":\""
        + type
        + "\",\"timestamp\":\""
        + at
        + "\",\"payload\":"
        + payload
        + (metadata == null ? "" : ",\"metadata\":" + metadata)
        + "}";
  }

  static String llmCall(String model, String userMessage) {
    return "{\"callId\":\"c-"
        + Math.abs(userMessage.hashCode())
        + "\",\"provider\":\"openai\",\"model\":\""
        + model
        + "\",\"messages\":[{\"role\":\"user\",\"content\":\""
        + userMessage
        + "\"}]}";
  }

  static String llmResponse(String model, double cost, int latencyMs) {
    return "{\"callId\":\"r\",\"provider\":\"openai\",\"model\":\""
        + model
        + "\",\"completion\":\"ok\",\"finishReason\":\"stop\",\"usage\":{\"inputTokens\":100,"
        + "\"outputTokens\":20,\"totalTokens\":120},\"costUsd\":"
        + cost
        + ",\"latencyMs\":"
        + latencyMs
        + "}";
  }

  static String toolCall(String tool, String callId) {
    return "{\"toolName\":\"" + tool + "\",\"callId\":\"" + callId + "\",\"arguments\":{}}";
  }

  static String toolResponse(String tool, String callId) {
    return "{\"toolName\":\""
        + tool
        + "\",\"callId\":\""
        + callId
        + "\",\"result\":{\"ok\":true},\"durationMs\":10}";
  }

  static String toolError(String tool, String callId, String error) {
    return "{\"toolName\":\""
        + tool
        + "\",\"callId\":\""
        + callId
        + "\",\"error\":\""
        + error
        + "\",\"durationMs\":10}";
  }

  static String ended(String reason) {
    return "{\"reason\":\"" + reason + "\"}";
  }

  static void send(Api api, String key, List<String> events) {
    Api.Reply r = api.post("/api/events", key, "{\"events\":[" + String.join(",", events) + "]}");
    assertThat(r.status()).as(r.raw()).isEqualTo(202);
  }
}
