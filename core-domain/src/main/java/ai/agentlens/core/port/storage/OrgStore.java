package ai.agentlens.core.port.storage;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.error.NotFoundException;
import ai.agentlens.core.error.StorageException;
import ai.agentlens.core.error.StorageUnavailableException;
import ai.agentlens.core.plan.Plan;
import java.util.Optional;

/**
 * Organizations. Each method names its org explicitly; no method lists orgs across tenants (a
 * user's orgs come from {@link MembershipStore#listByUser}).
 *
 * <p>Thread-safe. Every method is one transaction. Errors are {@link StorageException}s: {@link
 * InvalidInputException} for bad fields, {@link ConflictException} for a taken id or slug, {@link
 * NotFoundException} when a mutation names an unknown org, {@link StorageUnavailableException}
 * otherwise.
 */
public interface OrgStore {

  /**
   * Creates an org.
   *
   * @param org the org; slug 1..64 chars of {@code [a-z0-9-]}, name 1..200 chars, retention &gt; 0
   * @throws ConflictException (not retryable) when the id or the slug is taken
   */
  void create(Org org);

  /**
   * Reads an org.
   *
   * @param orgId the org
   * @return the org, or empty when unknown
   */
  Optional<Org> find(String orgId);

  /**
   * Replaces an org's settings.
   *
   * @param orgId the org
   * @param settings the new settings
   * @throws NotFoundException when the org is unknown
   */
  void updateSettings(String orgId, OrgSettings settings);

  /**
   * Changes an org's plan.
   *
   * @param orgId the org
   * @param plan the new plan
   * @throws NotFoundException when the org is unknown
   */
  void updatePlan(String orgId, Plan plan);

  /**
   * Deletes an org and purges all its data (FR-09, FR-71): events, sessions, agents, usage records,
   * API keys, invitations, memberships, settings. The append-only audit log is kept (PC-16, PC-18).
   * Idempotent.
   *
   * @param orgId the org
   * @return {@code true} when an org was deleted
   */
  boolean delete(String orgId);
}
