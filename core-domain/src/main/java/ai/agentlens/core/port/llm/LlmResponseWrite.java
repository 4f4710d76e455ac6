package ai.agentlens.core.port.llm;

import java.time.Instant;

/**
 * The response half of a request, to {@link LlmRequestStore#recordResponse}.
 *
 * @param orgId the org
 * @param id the id a new row gets (an existing row keeps its own)
 * @param callId the pairing key
 * @param agentId the agent, or {@code null}
 * @param sessionId the session, or {@code null}
 * @param provider the provider, or {@code null}
 * @param model the model, or {@code null}
 * @param response the completion text as it is to be stored (masked, redacted)
 * @param status {@link LlmRequestStatus#SUCCESS} or {@link LlmRequestStatus#ERROR}
 * @param finishReason the finish reason, or {@code null}
 * @param latencyMs the latency, or {@code null}
 * @param inputTokens input tokens, or {@code null}
 * @param outputTokens output tokens, or {@code null}
 * @param completedAt when the response arrived
 * @param source {@code event} or {@code api}
 */
public record LlmResponseWrite(
    String orgId,
    String id,
    String callId,
    String agentId,
    String sessionId,
    String provider,
    String model,
    String response,
    LlmRequestStatus status,
    String finishReason,
    Long latencyMs,
    Integer inputTokens,
    Integer outputTokens,
    Instant completedAt,
    String source)
    implements LlmHalfWrite {}
