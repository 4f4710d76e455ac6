package ai.agentlens.api;

/**
 * Events exactly as the Python SDK's framework handlers build them (agentlensai.integrations:
 * Semantic Kernel {@code on_ai_call}/{@code on_ai_response}, AutoGen {@code on_llm_call}/{@code
 * on_llm_response}/{@code on_conversation_end}/{@code on_code_result}, CrewAI {@code
 * on_crew_start}/{@code on_crew_end}), timestamps as Python's {@code isoformat()} writes them. The
 * handlers send each event in a request of its own.
 */
public final class HandlerEvents {

  private HandlerEvents() {}

  private static String event(
      String session, String agent, String type, String severity, String payload, String meta) {
    return "{\"sessionId\":\""
        + session
        + "\",\"agentId\":\""
        + agent
        + "\",\"eventType\":\""
        + type
        + "\",\"severity\":\""
        + severity
        + "\",\"payload\":"
        + payload
        + ",\"metadata\":"
        + meta
        + ",\"timestamp\":\"2026-11-22T09:00:00.123456+00:00\"}";
  }

  /** CrewAI {@code on_crew_start}: top-level {@code tags} beside the payload. */
  public static String crewStart(String session) {
    String e =
        event(
            session,
            "my-crew",
            "session_started",
            "info",
            "{\"crew_name\":\"my-crew\",\"agent_count\":2,\"task_count\":1,\"agent_roles\":[\"researcher\",\"writer\"]}",
            "{\"source\":\"crewai\",\"framework\":\"crewai\",\"crew_name\":\"my-crew\"}");
    return e.substring(0, e.length() - 1) + ",\"tags\":[\"crew:my-crew\"]}";
  }

  /** Semantic Kernel {@code on_ai_call}: no {@code provider}. */
  public static String skAiCall(String session, String callId) {
    return event(
        session,
        "my-crew",
        "llm_call",
        "info",
        "{\"callId\":\""
            + callId
            + "\",\"model\":\"gpt-4o\",\"service_id\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":\"Summarize\"}]}",
        "{\"source\":\"semantic_kernel\",\"framework\":\"semantic_kernel\",\"framework_component\":\"ai_service\",\"service_id\":\"chat\"}");
  }

  /**
   * Semantic Kernel {@code on_ai_response}: no {@code provider}, {@code durationMs} and flat token
   * counts instead of {@code latencyMs} and {@code usage}, no {@code finishReason}.
   */
  public static String skAiResponse(String session, String callId) {
    return event(
        session,
        "my-crew",
        "llm_response",
        "info",
        "{\"callId\":\""
            + callId
            + "\",\"model\":\"gpt-4o\",\"service_id\":\"chat\",\"completion\":\"A summary.\",\"durationMs\":812.35,\"inputTokens\":120,\"outputTokens\":30}",
        "{\"source\":\"semantic_kernel\",\"framework\":\"semantic_kernel\",\"framework_component\":\"ai_service\",\"service_id\":\"chat\"}");
  }

  /** AutoGen {@code on_llm_call} with its defaults: no messages handed over, model unknown. */
  public static String autogenLlmCall(String session, String callId) {
    return event(
        session,
        "my-crew",
        "llm_call",
        "info",
        "{\"callId\":\"" + callId + "\",\"model\":\"claude-3-5-haiku\",\"messages\":[]}",
        "{\"source\":\"autogen\",\"framework\":\"autogen\",\"framework_component\":\"llm\",\"calling_agent\":\"assistant\"}");
  }

  /** AutoGen {@code on_llm_response}. */
  public static String autogenLlmResponse(String session, String callId) {
    return event(
        session,
        "my-crew",
        "llm_response",
        "info",
        "{\"callId\":\""
            + callId
            + "\",\"model\":\"claude-3-5-haiku\",\"completion\":\"ok\",\"durationMs\":100,\"inputTokens\":10,\"outputTokens\":5}",
        "{\"source\":\"autogen\",\"framework\":\"autogen\",\"framework_component\":\"llm\",\"calling_agent\":\"assistant\"}");
  }

  /** AutoGen {@code on_code_result} with a non-zero exit code: severity {@code warning}. */
  public static String autogenCodeResult(String session) {
    return event(
        session,
        "my-crew",
        "custom",
        "warning",
        "{\"type\":\"code_result\",\"data\":{\"call_id\":\"x\",\"agent\":\"coder\",\"result\":\"Traceback\",\"exit_code\":1}}",
        "{\"source\":\"autogen\",\"framework\":\"autogen\",\"framework_component\":\"code_execution\"}");
  }

  /** AutoGen {@code on_conversation_end}: no {@code reason}. */
  public static String autogenConversationEnd(String session) {
    return event(
        session,
        "my-crew",
        "session_ended",
        "info",
        "{\"summary\":\"done\"}",
        "{\"source\":\"autogen\",\"framework\":\"autogen\",\"framework_component\":\"conversation\"}");
  }

  /** CrewAI {@code on_crew_end}: no {@code reason}, top-level {@code tags}. */
  public static String crewEnd(String session) {
    String e =
        event(
            session,
            "my-crew",
            "session_ended",
            "info",
            "{\"crew_name\":\"my-crew\",\"result_summary\":\"report written\",\"duration_ms\":1234.5}",
            "{\"source\":\"crewai\",\"framework\":\"crewai\",\"crew_name\":\"my-crew\"}");
    return e.substring(0, e.length() - 1) + ",\"tags\":[\"crew:my-crew\"]}";
  }
}
