package ai.agentlens.core.port.alerting;

import ai.agentlens.core.alert.AlertMeasurement;
import java.time.Instant;
import java.util.List;

/**
 * Measures an org's events in a time window for alert rules, in the database (one aggregate query,
 * no event leaves it). Events whose {@code metadata.source} is {@code otlp_metric} are never
 * counted. Tenant-scoped. Errors: {@link ai.agentlens.core.error.StorageException} subclasses only.
 */
public interface AlertMetrics {

  /**
   * Measures the events with {@code from ≤ timestamp < to}.
   *
   * @param orgId the org; {@code null} or blank measures nothing (all zero)
   * @param agentId only this agent's events, or {@code null}
   * @param tags only events of sessions carrying any of these tags; empty for no tag filter
   * @param from window start, inclusive
   * @param to window end, exclusive
   * @return counts, cost and mean tool latency
   */
  AlertMeasurement measure(
      String orgId, String agentId, List<String> tags, Instant from, Instant to);
}
