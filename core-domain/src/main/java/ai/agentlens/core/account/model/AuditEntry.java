package ai.agentlens.core.account.model;

import ai.agentlens.core.event.Times;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of an org's append-only audit log (PC-14, PC-15).
 *
 * @param id stable id
 * @param orgId the org
 * @param occurredAt when it happened
 * @param actorType user, API key or system
 * @param actorId user id or key prefix; {@code "anonymized"} after account deletion (FR-72)
 * @param action e.g. {@code auth.login}, {@code api_key.revoke}, {@code member.role_change}
 * @param targetType kind of resource acted on, e.g. {@code api_key}, or {@code null}
 * @param targetId resource id, or {@code null}
 * @param ip client IP address, or {@code null}
 * @param result success or failure
 * @param details extra facts as a JSON object text ({@code {}} when none)
 */
public record AuditEntry(
    String id,
    String orgId,
    Instant occurredAt,
    ActorType actorType,
    String actorId,
    String action,
    String targetType,
    String targetId,
    String ip,
    AuditResult result,
    String details) {

  /** Rejects missing fields. */
  public AuditEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(actorType, "actorType");
    Objects.requireNonNull(actorId, "actorId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(details, "details");
    occurredAt = Times.micros(occurredAt);
  }
}
