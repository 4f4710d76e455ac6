package ai.agentlens.core.analytics;

import ai.agentlens.core.event.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Which LLM responses {@link ai.agentlens.core.port.storage.EventStore#llmUsage} aggregates.
 *
 * @param from inclusive start of the event timestamps
 * @param to inclusive end of the event timestamps
 * @param agentId only this agent's events, or {@code null}
 * @param bucket {@link #HOUR} or {@link #DAY} (UTC days)
 */
public record LlmUsageQuery(Instant from, Instant to, String agentId, Duration bucket) {

  /** Hourly buckets. */
  public static final Duration HOUR = Duration.ofHours(1);

  /** Daily buckets (UTC). */
  public static final Duration DAY = Duration.ofDays(1);

  /** Checks the range and the bucket. */
  public LlmUsageQuery {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!HOUR.equals(bucket) && !DAY.equals(bucket)) {
      throw new IllegalArgumentException("bucket must be an hour or a day");
    }
    agentId = agentId == null || agentId.isBlank() ? null : agentId;
    from = Times.micros(from);
    to = Times.micros(to);
  }
}
