package ai.agentlens.core.plan;

import java.time.Instant;
import java.util.Objects;

/**
 * Events stored for one org, in one hour, through one API key (FR-34, FR-54).
 *
 * @param orgId the org
 * @param hour start of the hour (UTC)
 * @param apiKeyId the key's id, or the empty string for events written without a key
 * @param eventCount events stored (duplicates are not counted)
 */
public record UsageRecord(String orgId, Instant hour, String apiKeyId, long eventCount) {

  /** Rejects missing fields. */
  public UsageRecord {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(hour, "hour");
    Objects.requireNonNull(apiKeyId, "apiKeyId");
  }
}
