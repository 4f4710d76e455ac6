package ai.agentlens.web.analytics;

import ai.agentlens.core.analytics.ActivityCell;
import ai.agentlens.core.analytics.TenantAnalytics;
import io.micronaut.serde.annotation.Serdeable;

/** The JSON shapes of the tenant analytics routes (one record per array element). */
public final class TenantAnalyticsViews {

  private TenantAnalyticsViews() {}

  /**
   * One UTC day of the token trend.
   *
   * @param date the day, {@code YYYY-MM-DD}
   * @param count LLM tokens (input + output)
   * @param calls LLM calls
   * @param costUsd cost of those calls in USD
   */
  @Serdeable
  public record TokenDayView(String date, long count, long calls, double costUsd) {

    static TokenDayView of(TenantAnalytics.TokenDay d) {
      return new TokenDayView(d.date().toString(), d.count(), d.calls(), d.costUsd());
    }
  }

  /**
   * One heatmap cell: an agent's events in one UTC day of week and hour.
   *
   * @param agentId the agent
   * @param dow day of week, 0 = Sunday … 6 = Saturday
   * @param hour hour of day, 0–23
   * @param count events of every type
   */
  @Serdeable
  public record ActivityView(String agentId, int dow, int hour, long count) {

    static ActivityView of(ActivityCell c) {
      return new ActivityView(c.agentId(), c.dow(), c.hour(), c.count());
    }
  }

  /**
   * One agent's LLM usage this calendar month (UTC).
   *
   * @param agentId the agent
   * @param name its display name
   * @param tokenCount LLM tokens (input + output)
   * @param calls LLM calls
   * @param costUsd cost of those calls in USD
   */
  @Serdeable
  public record AgentUsageView(
      String agentId, String name, long tokenCount, long calls, double costUsd) {

    static AgentUsageView of(TenantAnalytics.AgentUsage u) {
      return new AgentUsageView(u.agentId(), u.name(), u.tokenCount(), u.calls(), u.costUsd());
    }
  }
}
