package ai.agentlens.core.port.alerting;

import ai.agentlens.core.alert.AlertFiring;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The firings of each org's alert rules. Tenant-scoped: every method takes the org. Errors: {@link
 * ai.agentlens.core.error.StorageException} subclasses only.
 */
public interface AlertHistory {

  /**
   * Appends a firing.
   *
   * @param orgId the org (must exist)
   * @param firing the firing; its id is new
   */
  void append(String orgId, AlertFiring firing);

  /**
   * Returns when a rule last fired.
   *
   * @param orgId the org; {@code null} or blank gives empty
   * @param ruleId the rule
   * @return the latest {@code triggeredAt}, or empty when it never fired
   */
  Optional<Instant> lastFired(String orgId, String ruleId);

  /**
   * Lists firings, newest first (by {@code triggeredAt}, then id descending).
   *
   * @param orgId the org; {@code null} or blank gives an empty page
   * @param ruleId only this rule's, or {@code null} for all
   * @param limit page size, &gt; 0
   * @param offset rows to skip, ≥ 0
   * @return the page and the total matching
   */
  Page list(String orgId, String ruleId, int limit, int offset);

  /**
   * A page of firings.
   *
   * @param firings the rows
   * @param total how many match in all
   */
  record Page(List<AlertFiring> firings, long total) {

    /** Copies the list. */
    public Page {
      firings = List.copyOf(firings);
    }
  }
}
