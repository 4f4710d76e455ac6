package ai.agentlens.web.dashboard.view;

/**
 * This month's usage against the plan (FR-62).
 *
 * @param layout the frame
 * @param plan the plan's wire name
 * @param month the month shown, {@code YYYY-MM} (UTC)
 * @param used events stored this month, formatted
 * @param quota the monthly quota, or {@code null} when unlimited
 * @param perMinute the rate limit, formatted, or {@code unlimited}
 * @param retention the retention, e.g. {@code 30 days}, or {@code unlimited}
 * @param members the member limit, or {@code unlimited}
 * @param keys the API key limit, or {@code unlimited}
 */
public record UsagePage(
    Layout layout,
    String plan,
    String month,
    String used,
    Quota quota,
    String perMinute,
    String retention,
    String members,
    String keys) {

  /**
   * A limited monthly quota and how much of it is used.
   *
   * @param limit the quota, formatted
   * @param percent the used share in percent (may exceed 100)
   * @param meter the share for the progress bar, 0..100
   */
  public record Quota(String limit, long percent, long meter) {}
}
