package ai.agentlens.core.quota;

import ai.agentlens.core.plan.OverageCap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One org's usage in the current period (FR-62), as the usage page and {@code GET /api/usage} show
 * it. Counts are stored events (the usage ledger), so they match what was ingested (AC-15).
 *
 * @param period the billing period, {@code YYYY-MM} (UTC calendar month)
 * @param plan the plan's wire name
 * @param used events stored this period
 * @param quota the period's quota, or {@code null} when unlimited (self-hosted, Enterprise)
 * @param remaining events left within the quota (never negative), or {@code null} when unlimited
 * @param capEvents the most events the period may hold (quota when the plan has no overage), or
 *     {@code null} when unlimited
 * @param cap the Owner's cap setting, or {@code null} when the plan has no overage
 * @param projected events at the end of the period at the rate so far
 * @param days events per UTC day of the period, up to today
 * @param cost the cost breakdown, or {@code null} when the plan is not billed
 * @param agents events per agent this period, most first
 */
public record UsageReport(
    String period,
    String plan,
    long used,
    Long quota,
    Long remaining,
    Long capEvents,
    OverageCap cap,
    long projected,
    List<Day> days,
    Cost cost,
    List<AgentShare> agents) {

  /** Copies the lists. */
  public UsageReport {
    days = List.copyOf(days);
    agents = List.copyOf(agents);
  }

  /**
   * Events stored on one day.
   *
   * @param date the UTC day
   * @param events events
   */
  public record Day(LocalDate date, long events) {}

  /**
   * One agent's share of the period's events.
   *
   * @param agentId the agent
   * @param events its events
   * @param percent its share of all agents' events, 0–100
   */
  public record AgentShare(String agentId, long events, double percent) {}

  /**
   * What the period costs: the plan's base price plus overage at the tier's price (FR-60).
   *
   * @param baseUsd the monthly base price
   * @param overagePer1kUsd USD per 1,000 events beyond the quota
   * @param overageEvents events beyond the quota so far
   * @param overageUsd their price so far
   * @param projectedOverageEvents events beyond the quota at the end of the period at the current
   *     rate, limited by the cap
   * @param projectedOverageUsd their price
   * @param projectedTotalUsd base plus projected overage
   */
  public record Cost(
      BigDecimal baseUsd,
      BigDecimal overagePer1kUsd,
      long overageEvents,
      BigDecimal overageUsd,
      long projectedOverageEvents,
      BigDecimal projectedOverageUsd,
      BigDecimal projectedTotalUsd) {}
}
