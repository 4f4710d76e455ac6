package ai.agentlens.web.dashboard.view;

import java.util.List;

/**
 * Audit verification in the dashboard: the form (a session, or a range of days) and the signed
 * report of the last run.
 *
 * @param layout the frame
 * @param allowed whether the role may verify (Owner, Admin)
 * @param sessionId the session asked for, or an empty string
 * @param from the first day asked for ({@code YYYY-MM-DD}), or an empty string
 * @param to the last day asked for, or an empty string
 * @param problem why nothing was verified, or an empty string
 * @param result the report, or {@code null} before a run
 */
public record AuditVerifyPage(
    Layout layout,
    boolean allowed,
    String sessionId,
    String from,
    String to,
    String problem,
    Result result) {

  /**
   * A report as shown.
   *
   * @param verified whether every chain is intact
   * @param sessions sessions verified
   * @param events events verified
   * @param signature the report's signature
   * @param broken the broken chains
   * @param exportUrl where the report with its events downloads
   */
  public record Result(
      boolean verified,
      long sessions,
      long events,
      String signature,
      List<Broken> broken,
      String exportUrl) {}

  /**
   * A broken chain.
   *
   * @param sessionId the session
   * @param index the first bad event's index in the session
   * @param eventId that event
   * @param reason why
   */
  public record Broken(String sessionId, long index, String eventId, String reason) {}
}
