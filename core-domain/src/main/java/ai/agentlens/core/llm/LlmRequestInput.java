package ai.agentlens.core.llm;

/**
 * One request given whole to {@code POST /api/llm/requests}.
 *
 * @param prompt the prompt text (clear)
 * @param response the completion text (clear)
 * @param model the model
 * @param provider the provider, or {@code null}
 * @param latencyMs the latency
 * @param inputTokens input tokens, or {@code null}
 * @param outputTokens output tokens, or {@code null}
 * @param agentId the agent, or {@code null}
 * @param sessionId the session, or {@code null}
 * @param failed whether the request failed (status {@code error})
 */
public record LlmRequestInput(
    String prompt,
    String response,
    String model,
    String provider,
    long latencyMs,
    Integer inputTokens,
    Integer outputTokens,
    String agentId,
    String sessionId,
    boolean failed) {}
