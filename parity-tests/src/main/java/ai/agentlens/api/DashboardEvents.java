package ai.agentlens.api;

/** Event batches as an SDK sends them, for the dashboard tests and the benchmark. */
final class DashboardEvents {

  private DashboardEvents() {}

  /**
   * A whole small session: start, an LLM call and its response, a tool call and its result, a
   * failing tool call, the end (with an error).
   *
   * @param session the session id
   * @param model the LLM's model
   * @return the request body
   */
  static String session(String session, String model) {
    String s = "\"sessionId\":\"" + session + "\",\"agentId\":\"research-bot\"";
    return "{\"events\":["
        + "{"
        + s
        + ",\"eventType\":\"session_started\",\"severity\":\"info\",\"payload\":{\"agentName\":\"Research bot\",\"tags\":[\"demo\",\"docs\"]},\"metadata\":{}},"
        + "{"
        + s
        + ",\"eventType\":\"llm_call\",\"severity\":\"info\",\"payload\":{\"callId\":\"llm-1\",\"provider\":\"openai\",\"model\":\""
        + model
        + "\",\"messages\":[{\"role\":\"system\",\"content\":\"You are a helpful researcher.\"},{\"role\":\"user\",\"content\":\"What is AgentLens?\"}]},\"metadata\":{}},"
        + "{"
        + s
        + ",\"eventType\":\"llm_response\",\"severity\":\"info\",\"payload\":{\"callId\":\"llm-1\",\"provider\":\"openai\",\"model\":\""
        + model
        + "\",\"completion\":\"AgentLens is an observability server for AI agents.\",\"finishReason\":\"stop\",\"usage\":{\"inputTokens\":1200,\"outputTokens\":300,\"totalTokens\":1500},\"costUsd\":0.042,\"latencyMs\":850},\"metadata\":{}},"
        + "{"
        + s
        + ",\"eventType\":\"tool_call\",\"severity\":\"info\",\"payload\":{\"toolName\":\"web_search\",\"callId\":\"tool-1\",\"arguments\":{\"query\":\"AgentLens docs\"}},\"metadata\":{}},"
        + "{"
        + s
        + ",\"eventType\":\"tool_response\",\"severity\":\"info\",\"payload\":{\"toolName\":\"web_search\",\"callId\":\"tool-1\",\"result\":{\"hits\":3},\"durationMs\":120},\"metadata\":{}},"
        + "{"
        + s
        + ",\"eventType\":\"tool_call\",\"severity\":\"info\",\"payload\":{\"toolName\":\"fetch_page\",\"callId\":\"tool-2\",\"arguments\":{\"url\":\"https://example.test\"}},\"metadata\":{}},"
        + "{"
        + s
        + ",\"eventType\":\"tool_error\",\"severity\":\"error\",\"payload\":{\"toolName\":\"fetch_page\",\"callId\":\"tool-2\",\"error\":\"rate limited by the remote site\",\"errorCode\":\"429\",\"durationMs\":40},\"metadata\":{}},"
        + "{"
        + s
        + ",\"eventType\":\"session_ended\",\"severity\":\"info\",\"payload\":{\"reason\":\"error\",\"summary\":\"Stopped after a failing tool call.\"},\"metadata\":{}}"
        + "]}";
  }
}
