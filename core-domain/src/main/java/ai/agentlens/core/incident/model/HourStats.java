package ai.agentlens.core.incident.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One agent's totals in one UTC hour, from the hourly roll-ups.
 *
 * @param agentId the agent
 * @param hour the hour's start
 * @param events events
 * @param errors error events
 * @param costUsd cost in USD
 * @param latencySumMs the sum of known LLM latencies
 * @param latencyCount how many latencies are known
 */
public record HourStats(
    String agentId,
    Instant hour,
    long events,
    long errors,
    double costUsd,
    double latencySumMs,
    long latencyCount) {

  /** Checks the required fields. */
  public HourStats {
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(hour, "hour");
  }
}
