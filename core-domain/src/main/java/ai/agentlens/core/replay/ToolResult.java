package ai.agentlens.core.replay;

/**
 * One tool call of a session as known at a replay step: the {@code tool_call} and, once it has
 * arrived, its {@code tool_response} or {@code tool_error} (paired by {@code callId}).
 *
 * @param callId the call id
 * @param toolName the tool
 * @param arguments the call's {@code arguments} JSON value, or {@code null}
 * @param result the response's {@code result} JSON value, or {@code null}
 * @param error the {@code tool_error}'s message, or {@code null}
 * @param durationMs the response's or error's {@code durationMs}, or {@code null}
 * @param completed whether a response or an error has arrived
 */
public record ToolResult(
    String callId,
    String toolName,
    Object arguments,
    Object result,
    String error,
    Double durationMs,
    boolean completed) {}
