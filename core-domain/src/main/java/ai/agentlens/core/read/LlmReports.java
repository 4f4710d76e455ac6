package ai.agentlens.core.read;

import ai.agentlens.core.analytics.LlmAnalytics;
import ai.agentlens.core.analytics.LlmAnalytics.Granularity;
import ai.agentlens.core.analytics.LlmUsageQuery;
import ai.agentlens.core.port.storage.EventStore;
import java.time.Instant;

/**
 * Computes LLM analytics reports (reference §4.3.2) for the API and the dashboard: the database
 * sums by hour (hour granularity) or by day (day and week), the policy folds the rows. Thread-safe;
 * errors are the {@link EventStore}'s.
 */
public final class LlmReports {

  private final EventStore events;

  /**
   * Creates the use case.
   *
   * @param events the event log
   */
  public LlmReports(EventStore events) {
    this.events = events;
  }

  /**
   * Builds a report.
   *
   * @param orgId the org
   * @param from inclusive start
   * @param to inclusive end
   * @param granularity the buckets
   * @param agentId only this agent, or {@code null}
   * @param model only this model, or {@code null}
   * @param provider only this provider, or {@code null}
   * @return the report
   */
  public LlmAnalytics.Report report(
      String orgId,
      Instant from,
      Instant to,
      Granularity granularity,
      String agentId,
      String model,
      String provider) {
    var bucket = granularity == Granularity.HOUR ? LlmUsageQuery.HOUR : LlmUsageQuery.DAY;
    var rows = events.llmUsage(orgId, new LlmUsageQuery(from, to, agentId, bucket));
    return LlmAnalytics.report(rows, granularity, blankToNull(model), blankToNull(provider));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
