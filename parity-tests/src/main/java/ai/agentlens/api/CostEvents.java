package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds and sends {@code llm_call}/{@code llm_response} pairs for the cost suites. */
final class CostEvents {

  private final Api api;
  private final String key;
  private final List<String> pending = new ArrayList<>();

  CostEvents(Api api, String key) {
    this.api = api;
    this.key = key;
  }

  private static String ev(String session, String agent, String type, Instant at, String payload) {
    return "{\"sessionId\":\""
        + session
        + "\",\"agentId\":\""
        + agent
        + "\",\"eventType\":\""
        + type
        + "\",\"severity\":\"info\",\"timestamp\":\""
        + at
        + "\",\"payload\":"
        + payload
        + "}";
  }

  /** Adds one pair: {@code in}/{@code out} tokens, no tool calls. */
  CostEvents pair(
      String session,
      String agent,
      String model,
      long in,
      long out,
      String finish,
      double cost,
      Instant at) {
    String callId = UUID.randomUUID().toString();
    pending.add(
        ev(
            session,
            agent,
            "llm_call",
            at,
            "{\"callId\":\""
                + callId
                + "\",\"provider\":\"openai\",\"model\":\""
                + model
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}"));
    pending.add(
        ev(
            session,
            agent,
            "llm_response",
            at,
            "{\"callId\":\""
                + callId
                + "\",\"provider\":\"openai\",\"model\":\""
                + model
                + "\",\"completion\":\"hi\",\"finishReason\":\""
                + finish
                + "\",\"usage\":{\"inputTokens\":"
                + in
                + ",\"outputTokens\":"
                + out
                + ",\"totalTokens\":"
                + (in + out)
                + "},\"costUsd\":"
                + cost
                + ",\"latencyMs\":120}"));
    return this;
  }

  /** Adds {@code n} identical pairs, one second apart before {@code at}. */
  CostEvents pairs(int n, String agent, String model, long in, long out, double cost, Instant at) {
    for (int i = 0; i < n; i++) {
      pair("s-" + agent + "-" + model, agent, model, in, out, "stop", cost, at.minusSeconds(i));
    }
    return this;
  }

  /** Sends what was added, 40 events a request; every request must be accepted. */
  void send() {
    for (int i = 0; i < pending.size(); i += 40) {
      List<String> chunk = pending.subList(i, Math.min(pending.size(), i + 40));
      Api.Reply r = api.post("/api/events", key, "{\"events\":[" + String.join(",", chunk) + "]}");
      assertThat(r.status()).as(r.raw()).isEqualTo(202);
    }
    pending.clear();
  }
}
