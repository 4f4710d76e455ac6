package ai.agentlens.web.dashboard.view;

import java.util.List;

/**
 * The audit log with its filters (FR-51).
 *
 * @param layout the frame
 * @param allowed whether the role reads the audit log
 * @param entries the matching entries, newest first
 * @param action the "action contains" filter as typed, or an empty string
 * @param actor the "actor contains" filter as typed, or an empty string
 * @param result the result filter ({@code success}, {@code failure}) or an empty string
 */
public record AuditPage(
    Layout layout,
    boolean allowed,
    List<Entry> entries,
    String action,
    String actor,
    String result) {

  /**
   * One entry.
   *
   * @param when when it happened
   * @param actor actor type and id
   * @param action the action
   * @param target target type and id
   * @param ip the client address, or an empty string
   * @param result {@code success} or {@code failure}
   */
  public record Entry(
      String when, String actor, String action, String target, String ip, String result) {}
}
