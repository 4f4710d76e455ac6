package ai.agentlens.core.analytics;

import java.time.Instant;
import java.util.Objects;

/**
 * One roll-up row that disagrees with a recomputation from the events.
 *
 * @param orgId the org
 * @param table {@code hourly} or {@code daily}
 * @param bucket start of the hour or UTC day
 * @param key {@code agent/provider/model} of the row
 * @param expected the recomputed counts, as {@code name=value} pairs ({@code absent} when none)
 * @param actual the stored counts, same format ({@code absent} when none)
 */
public record RollupMismatch(
    String orgId, String table, Instant bucket, String key, String expected, String actual) {

  /** Checks the fields are set. */
  public RollupMismatch {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
  }

  @Override
  public String toString() {
    return orgId
        + " "
        + table
        + " "
        + bucket
        + " "
        + key
        + ": expected "
        + expected
        + ", stored "
        + actual;
  }
}
