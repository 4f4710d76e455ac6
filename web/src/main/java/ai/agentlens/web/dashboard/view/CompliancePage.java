package ai.agentlens.web.dashboard.view;

import ai.agentlens.core.compliance.ComplianceReport;
import java.util.List;

/**
 * The printable compliance report page.
 *
 * @param layout the frame
 * @param report the report (the same one the JSON API serves)
 * @param days the chosen period in days
 * @param periods the period choices
 */
public record CompliancePage(
    Layout layout, ComplianceReport report, int days, List<SessionsPage.Option> periods) {

  /**
   * Formats a time for the page, or a dash.
   *
   * @param t the time, or {@code null}
   * @return e.g. {@code 2026-03-01 14:00 UTC}
   */
  public String time(java.time.Instant t) {
    return t == null ? "—" : Fmt.time(t);
  }
}
