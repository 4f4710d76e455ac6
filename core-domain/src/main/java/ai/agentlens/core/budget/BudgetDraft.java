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
 * @param targetModel the model of a {@code downgrade_model} action, or {@code null}
 */
public record BudgetDraft(
    String scope,
    String agentId,
    String period,
    Double limitUsd,
    String onBreach,
    Double anomalyMultiplier,
    boolean clearAnomaly,
    Boolean enabled,
    String targetModel) {

  /**
   * A draft without a target model.
   *
   * @param scope the scope, or {@code null}
   * @param agentId the agent, or {@code null}
   * @param period the period, or {@code null}
   * @param limitUsd the limit, or {@code null}
   * @param onBreach the action, or {@code null}
   * @param anomalyMultiplier the multiplier, or {@code null}
   * @param clearAnomaly whether to remove the multiplier
   * @param enabled whether enabled, or {@code null}
   */
  public BudgetDraft(
      String scope,
      String agentId,
      String period,
      Double limitUsd,
      String onBreach,
      Double anomalyMultiplier,
      boolean clearAnomaly,
      Boolean enabled) {
    this(
        scope, agentId, period, limitUsd, onBreach, anomalyMultiplier, clearAnomaly, enabled, null);
  }
}
