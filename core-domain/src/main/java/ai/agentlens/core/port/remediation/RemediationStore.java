package ai.agentlens.core.port.remediation;

import ai.agentlens.core.remediation.model.Remediation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The remediations applied to incidents (seed 003 R5), their history per incident.
 *
 * <p>Thread-safe; each method one transaction, scoped to its org: another org's rows are never read
 * or changed, a {@code null} or blank org reads nothing. Every field round-trips exactly, times to
 * the microsecond. Errors: {@link ai.agentlens.core.error.StorageUnavailableException} only.
 */
public interface RemediationStore {

  /**
   * Stores a new remediation.
   *
   * @param remediation it; its id is new in the org
   */
  void insert(Remediation remediation);

  /**
   * Reads one remediation of an incident.
   *
   * @param orgId the org
   * @param incidentId the incident
   * @param id the remediation
   * @return it, or empty when that org's incident has no such remediation
   */
  Optional<Remediation> find(String orgId, String incidentId, String id);

  /**
   * Lists an incident's remediations, oldest first (ties by id).
   *
   * @param orgId the org
   * @param incidentId the incident
   * @return them; empty when none
   */
  List<Remediation> list(String orgId, String incidentId);

  /**
   * Marks an applied remediation reverted, or failed with an error. Conditional: only a remediation
   * still {@code applied} changes, so two concurrent reverts never both succeed.
   *
   * @param orgId the org
   * @param id the remediation
   * @param failed {@code true} to mark it failed instead
   * @param by who
   * @param at when
   * @param error why it failed, or {@code null}
   * @return whether it was applied and is now changed
   */
  boolean finish(String orgId, String id, boolean failed, String by, Instant at, String error);
}
