package ai.agentlens.core.port.quota;

import ai.agentlens.core.error.NotFoundException;
import ai.agentlens.core.error.StorageUnavailableException;
import java.time.Instant;

/**
 * Which orgs were sent the quota warning mail in which period (FR-58), so a restart or a second
 * instance never sends it twice.
 *
 * <p>Thread-safe. {@link #claim} is atomic across processes sharing the database: of any number of
 * concurrent claims of one (org, period), exactly one returns {@code true}. A {@code null} or blank
 * org claims nothing. Errors: {@link NotFoundException} for an unknown org, {@link
 * StorageUnavailableException} otherwise. Deleting an org deletes its rows.
 */
public interface QuotaWarningLog {

  /**
   * Records that an org's warning for a period is being sent, unless it already was.
   *
   * @param orgId the org
   * @param period the billing period, e.g. {@code 2026-12}
   * @param at when
   * @return {@code true} for the first claim of (org, period), {@code false} afterwards
   * @throws NotFoundException when the org does not exist
   */
  boolean claim(String orgId, String period, Instant at);

  /**
   * Tells whether an org's warning for a period was claimed.
   *
   * @param orgId the org
   * @param period the billing period
   * @return whether {@link #claim} succeeded for it before
   */
  boolean claimed(String orgId, String period);
}
