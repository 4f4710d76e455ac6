package ai.agentlens.core.budget;

/**
 * A budget as a client sent it, every field optional: the body of a create, or of an update where
 * an absent field keeps its value. Wire names are kept as text so that unknown values can be named
 * in the error.
 *
 * @param scope {@code session} or {@code agent}, or {@code null}
 * @param agentId the agent, or {@code null}
 * @param period {@code session}, {@code daily}, {@code weekly} or {@code monthly}, or {@code null}
 * @param limitUsd the limit, or {@code null}
 * @param onBreach {@code alert}, {@code pause_agent} or {@code downgrade_model}, or {@code null}
 * @param anomalyMultiplier the multiplier, or {@code null}
 * @param clearAnomaly {@code true} when the client sent {@code "anomalyMultiplier": null} (an
 *     update then removes the multiplier)
 * @param enabled whether enabled, or {@code null}
 */
public record BudgetDraft(
    String scope,
    String agentId,
    String period,
    Double limitUsd,
    String onBreach,
    Double anomalyMultiplier,
    boolean clearAnomaly,
    Boolean enabled) {}
