package ai.agentlens.core.port.llm;

import java.time.Instant;

/**
 * The call half of a request, to {@link LlmRequestStore#recordCall}.
 *
 * @param orgId the org
 * @param id the id a new row gets (an existing row keeps its own)
 * @param callId the pairing key
 * @param agentId the agent, or {@code null}
 * @param sessionId the session, or {@code null}
 * @param provider the provider, or {@code null}
 * @param model the model, or {@code null}
 * @param prompt the prompt text as it is to be stored (masked, redacted)
 * @param startedAt when the call started
 * @param source {@code event} or {@code api}
 */
public record LlmCallWrite(
    String orgId,
    String id,
    String callId,
    String agentId,
    String sessionId,
    String provider,
    String model,
    String prompt,
    Instant startedAt,
    String source)
    implements LlmHalfWrite {}
