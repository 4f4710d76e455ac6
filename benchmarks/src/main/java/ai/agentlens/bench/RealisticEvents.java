package ai.agentlens.bench;

import java.util.SplittableRandom;

/**
 * Builds realistic AgentLens event batches, about 600 bytes of JSON per event: an agent session of
 * LLM call/response pairs and tool calls, as the SDKs send them.
 */
final class RealisticEvents {

  private static final String[] MODELS = {
    "gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet-20241022", "gemini-2.0-flash"
  };
  private static final String[] TOOLS = {
    "search_docs", "run_sql", "send_email", "fetch_url", "calculator"
  };
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
    String callId = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
    sb.append("{\"sessionId\":\"")
        .append(sessionId)
        .append("\",\"agentId\":\"")
        .append(agentId)
        .append("\",");
    switch (kind) {
      case 0, 1 -> {
        String model = MODELS[random.nextInt(MODELS.length)];
        sb.append("\"eventType\":\"llm_call\",\"payload\":{\"callId\":\"")
            .append(callId)
            .append("\",\"provider\":\"openai\",\"model\":\"")
            .append(model)
            .append(
                "\",\"messages\":[{\"role\":\"system\",\"content\":\"You are a helpful support agent for an online shop.\"},")
            .append("{\"role\":\"user\",\"content\":\"")
            .append(sentence(18))
            .append("\"}],")
            .append(
                "\"parameters\":{\"temperature\":0.2,\"maxTokens\":512}},\"metadata\":{\"env\":\"bench\"}}");
      }
      case 2, 3 -> {
        String model = MODELS[random.nextInt(MODELS.length)];
        int in = 200 + random.nextInt(2000);
        int out = 20 + random.nextInt(500);
        sb.append("\"eventType\":\"llm_response\",\"payload\":{\"callId\":\"")
            .append(callId)
            .append("\",\"provider\":\"openai\",\"model\":\"")
            .append(model)
            .append("\",\"completion\":\"")
            .append(sentence(30))
            .append("\",\"finishReason\":\"stop\",\"usage\":{\"inputTokens\":")
            .append(in)
            .append(",\"outputTokens\":")
            .append(out)
            .append(",\"totalTokens\":")
            .append(in + out)
            .append("},\"latencyMs\":")
            .append(300 + random.nextInt(3000))
            .append("},\"metadata\":{\"env\":\"bench\"}}");
      }
      case 4 ->
          sb.append("\"eventType\":\"tool_call\",\"payload\":{\"toolName\":\"")
              .append(TOOLS[random.nextInt(TOOLS.length)])
              .append("\",\"callId\":\"")
              .append(callId)
              .append("\",\"arguments\":{\"query\":\"")
              .append(sentence(25))
              .append(
                  "\",\"limit\":10,\"includeArchived\":false}},\"metadata\":{\"env\":\"bench\",\"attempt\":1}}");
      default ->
          sb.append(
                  "\"eventType\":\"tool_response\",\"severity\":\"info\",\"payload\":{\"toolName\":\"")
              .append(TOOLS[random.nextInt(TOOLS.length)])
              .append("\",\"callId\":\"")
              .append(callId)
              .append("\",\"result\":{\"rows\":3,\"summary\":\"")
              .append(sentence(28))
              .append("\"},\"durationMs\":")
              .append(5 + random.nextInt(900))
              .append("},\"metadata\":{\"env\":\"bench\"}}");
    }
  }

  private String sentence(int words) {
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
