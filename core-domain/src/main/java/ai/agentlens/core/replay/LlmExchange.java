package ai.agentlens.core.replay;

/**
 * One LLM call of a session as known at a replay step: the {@code llm_call} and, once it has
 * arrived, its {@code llm_response} (paired by {@code callId}).
 *
 * @param callId the call id
 * @param provider e.g. {@code openai}
 * @param model the model
 * @param messages the call's {@code messages} as a JSON value (a {@link
 *     ai.agentlens.core.json.JsonArray} as stored), or {@code null}
 * @param response the response's {@code completion}, or {@code null} before it arrives (or when the
 *     model returned none)
 * @param toolCalls the response's {@code toolCalls} JSON value, or {@code null}
 * @param costUsd the response's {@code costUsd}, 0 before it arrives
 * @param latencyMs the response's {@code latencyMs}, 0 before it arrives
 * @param responded whether the response has arrived
 */
public record LlmExchange(
    String callId,
    String provider,
    String model,
    Object messages,
    String response,
    Object toolCalls,
    double costUsd,
    double latencyMs,
    boolean responded) {}
