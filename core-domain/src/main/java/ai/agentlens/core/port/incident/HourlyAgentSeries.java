package ai.agentlens.core.port.incident;

import ai.agentlens.core.incident.model.HourStats;
import java.time.Instant;
import java.util.List;

/**
 * Reads an org's hourly roll-ups per agent, for the anomaly scan. Thread-safe; reads only the named
 * org (a {@code null} or blank org reads nothing). Errors: {@link
 * ai.agentlens.core.error.StorageUnavailableException}.
 */
public interface HourlyAgentSeries {

  /**
   * Totals per (agent, UTC hour) for hours {@code from <= hour < to}, summed over providers, models
   * and shards; hours without events are absent; ordered by agent, then hour.
   *
   * @param orgId the org
   * @param from inclusive start, a whole hour
   * @param to exclusive end, a whole hour
   * @return the non-empty hours
   */
  List<HourStats> hours(String orgId, Instant from, Instant to);
}
