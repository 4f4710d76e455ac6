package ai.agentlens.core.remediation.model;

import ai.agentlens.core.json.JsonObject;
import java.time.Instant;

/**
 * One remediation applied to an incident (seed 003 R5).
 *
 * @param orgId the org
 * @param id its id
 * @param incidentId the incident
 * @param agentId the agent whose settings it changed, or {@code null} for an API key's limit
 * @param kind what it does
 * @param params its parameters as given
 * @param status applied, reverted or failed
 * @param before what it changed, as it was before, so a revert restores exactly
 * @param appliedBy who applied it (user id or key prefix)
 * @param appliedAt when
 * @param revertedBy who reverted it, or {@code null}
 * @param revertedAt when, or {@code null}
 * @param error why it failed, or {@code null}
 */
public record Remediation(
    String orgId,
    String id,
    String incidentId,
    String agentId,
    RemediationKind kind,
    JsonObject params,
    RemediationStatus status,
    Snapshot before,
    String appliedBy,
    Instant appliedAt,
    String revertedBy,
    Instant revertedAt,
    String error) {

  /**
   * What a remediation changed, as it was before.
   *
   * @param settings the agent's own settings row, or {@code null} when it had none
   * @param keyId the API key whose limit was changed, or {@code null}
   * @param keyRateLimit that key's events-per-minute override before, or {@code null}
   */
  public record Snapshot(AgentSettings settings, String keyId, Integer keyRateLimit) {}
}
