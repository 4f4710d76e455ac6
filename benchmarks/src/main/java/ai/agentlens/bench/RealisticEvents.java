package ai.agentlens.bench;

import java.util.SplittableRandom;

/**
 * Builds realistic AgentLens event batches, about 600 bytes of JSON per event: an agent session of
 * LLM call/response pairs and tool calls, as the SDKs send them. The payload builders are shared
 * with {@link AnalyticsSessions}, which writes the same payloads straight through the stores.
 */
final class RealisticEvents {

  static final String[] MODELS = {
    "gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet-20241022", "gemini-2.0-flash"
  };
  static final String[] PROVIDERS = {"openai", "openai", "anthropic", "google"};
  // why: USD per million input / output tokens, rounded list prices, so costUsd looks like the
  // worker's enrichment would have made it
  private static final double[][] PRICES = {{2.5, 10}, {0.15, 0.6}, {3, 15}, {0.1, 0.4}};
  static final String[] TOOLS = {"search_docs", "run_sql", "send_email", "fetch_url", "calculator"};
  private static final String[] WORDS =
      "the agent looked up the customer order and found that the shipment was delayed by two days because of weather"
          .split(" ");

  private final SplittableRandom random;
  private final String runId;

  RealisticEvents(long seed, String runId) {
    this.random = new SplittableRandom(seed);
    this.runId = runId;
  }

  /**
   * Returns {@code {"events":[…]}} with {@code size} events spread over {@code sessions} sessions.
   */
  String batch(int size, int sessions) {
    StringBuilder sb = new StringBuilder(size * 640).append("{\"events\":[");
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        sb.append(',');
      }
      event(sb, "bench-" + runId + "-s" + random.nextInt(sessions), "agent-" + random.nextInt(20));
    }
    return sb.append("]}").toString();
  }

  /** Appends one event; about two thirds are LLM events, the rest tool events. */
  void event(StringBuilder sb, String sessionId, String agentId) {
    int kind = random.nextInt(6);
    String callId = callId();
    sb.append("{\"sessionId\":\"")
        .append(sessionId)
        .append("\",\"agentId\":\"")
        .append(agentId)
        .append("\",");
    int model = random.nextInt(MODELS.length);
    String tool = TOOLS[random.nextInt(TOOLS.length)];
    switch (kind) {
      case 0, 1 ->
          sb.append("\"eventType\":\"llm_call\",\"payload\":").append(llmCall(callId, model));
      case 2, 3 ->
          sb.append("\"eventType\":\"llm_response\",\"payload\":")
              .append(llmResponse(callId, model, false));
      case 4 ->
          sb.append("\"eventType\":\"tool_call\",\"payload\":").append(toolCall(callId, tool));
      default ->
          sb.append("\"eventType\":\"tool_response\",\"severity\":\"info\",\"payload\":")
              .append(toolResponse(callId, tool));
    }
    sb.append(",\"metadata\":{\"env\":\"bench\"}}");
  }

  /** A random 32-hex-digit call id. */
  String callId() {
    return Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
  }

  /** The random source, for callers that pick models, tools and sizes alongside. */
  SplittableRandom random() {
    return random;
  }

  /** An {@code llm_call} payload for model index {@code model}. */
  String llmCall(String callId, int model) {
    return "{\"callId\":\""
        + callId
        + "\",\"provider\":\""
        + PROVIDERS[model]
        + "\",\"model\":\""
        + MODELS[model]
        + "\",\"messages\":[{\"role\":\"system\",\"content\":\"You are a helpful support agent for an online shop.\"},"
        + "{\"role\":\"user\",\"content\":\""
        + sentence(18)
        + "\"}],\"parameters\":{\"temperature\":0.2,\"maxTokens\":512}}";
  }

  /**
   * An {@code llm_response} payload with usage and latency; with {@code withCost} also the {@code
   * costUsd} the worker's price table adds.
   */
  String llmResponse(String callId, int model, boolean withCost) {
    int in = 200 + random.nextInt(2000);
    int out = 20 + random.nextInt(500);
    StringBuilder sb =
        new StringBuilder(400)
            .append("{\"callId\":\"")
            .append(callId)
            .append("\",\"provider\":\"")
            .append(PROVIDERS[model])
            .append("\",\"model\":\"")
            .append(MODELS[model])
            .append("\",\"completion\":\"")
            .append(sentence(30))
            .append("\",\"finishReason\":\"stop\",\"usage\":{\"inputTokens\":")
            .append(in)
            .append(",\"outputTokens\":")
            .append(out)
            .append(",\"totalTokens\":")
            .append(in + out)
            .append("},\"latencyMs\":")
            .append(300 + random.nextInt(3000));
    if (withCost) {
      double cost = (in * PRICES[model][0] + out * PRICES[model][1]) / 1_000_000;
      sb.append(",\"costUsd\":").append(String.format(java.util.Locale.ROOT, "%.6f", cost));
    }
    return sb.append('}').toString();
  }

  /** A {@code tool_call} payload. */
  String toolCall(String callId, String tool) {
    return "{\"toolName\":\""
        + tool
        + "\",\"callId\":\""
        + callId
        + "\",\"arguments\":{\"query\":\""
        + sentence(25)
        + "\",\"limit\":10,\"includeArchived\":false}}";
  }

  /** A {@code tool_response} payload. */
  String toolResponse(String callId, String tool) {
    return "{\"toolName\":\""
        + tool
        + "\",\"callId\":\""
        + callId
        + "\",\"result\":{\"rows\":3,\"summary\":\""
        + sentence(28)
        + "\"},\"durationMs\":"
        + (5 + random.nextInt(900))
        + "}";
  }

  /** A sentence of {@code words} words. */
  String sentence(int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }
}
