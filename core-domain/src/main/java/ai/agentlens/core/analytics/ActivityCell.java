package ai.agentlens.core.analytics;

import java.util.Objects;

/**
 * One cell of the activity heatmap: an agent's events in one UTC day of week and hour of day.
 *
 * @param agentId the agent
 * @param dow day of week, 0 = Sunday … 6 = Saturday (PostgreSQL's {@code extract(dow)})
 * @param hour hour of day, 0–23
 * @param count events
 */
public record ActivityCell(String agentId, int dow, int hour, long count) {

  /** Checks the ranges. */
  public ActivityCell {
    Objects.requireNonNull(agentId, "agentId");
    if (dow < 0 || dow > 6 || hour < 0 || hour > 23) {
      throw new IllegalArgumentException("dow must be 0-6 and hour 0-23");
    }
  }
}
