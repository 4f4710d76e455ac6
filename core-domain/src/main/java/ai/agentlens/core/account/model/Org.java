package ai.agentlens.core.account.model;

import ai.agentlens.core.event.Times;
import ai.agentlens.core.plan.Plan;
import java.time.Instant;
import java.util.Objects;

/**
 * An organization: the tenant every other row belongs to.
 *
 * @param id stable id (the value of {@code org_id} everywhere)
 * @param slug unique, URL-safe short name
 * @param name display name
 * @param plan subscription tier
 * @param settings retention, redaction, masking
 * @param createdAt creation time
 */
public record Org(
    String id, String slug, String name, Plan plan, OrgSettings settings, Instant createdAt) {

  /** Rejects missing fields. */
  public Org {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(createdAt, "createdAt");
    createdAt = Times.micros(createdAt);
  }
}
