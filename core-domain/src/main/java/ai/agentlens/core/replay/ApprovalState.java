package ai.agentlens.core.replay;

/**
 * An approval of a session as known at a replay step.
 *
 * @param requestId the request id
 * @param action what was asked for
 * @param status {@code pending}, {@code granted}, {@code denied} or {@code expired}
 */
public record ApprovalState(String requestId, String action, String status) {}
