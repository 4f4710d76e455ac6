package ai.agentlens.core.port.storage;

import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.error.NotFoundException;
import java.util.List;
import java.util.Optional;

/**
 * Who belongs to which org, with which role. Tenant-scoped methods take the org; the user-scoped
 * ones ({@link #listByUser}, {@link #removeAllForUser}) reach across the user's orgs and nothing
 * else.
 *
 * <p>Thread-safe; every method is one transaction. Errors: {@link ConflictException} when the user
 * is a member already, {@link NotFoundException} when a mutation names an unknown membership,
 * {@link InvalidInputException} for bad ids.
 */
public interface MembershipStore {

  /**
   * Adds a member.
   *
   * @param membership org, user, role; the org must exist
   * @throws ConflictException when the user is a member of that org already
   */
  void add(Membership membership);

  /**
   * Reads one membership.
   *
   * @param orgId the org
   * @param userId the user
   * @return the membership, or empty
   */
  Optional<Membership> find(String orgId, String userId);

  /**
   * Lists an org's members, oldest first.
   *
   * @param orgId the org
   * @return its memberships
   */
  List<Membership> listByOrg(String orgId);

  /**
   * Lists a user's memberships in every org, oldest first (the org switcher, FR-07).
   *
   * @param userId the user
   * @return the user's memberships
   */
  List<Membership> listByUser(String userId);

  /**
   * Changes a member's role.
   *
   * @param orgId the org
   * @param userId the user
   * @param role the new role
   * @throws NotFoundException when the user is not a member
   */
  void changeRole(String orgId, String userId, Role role);

  /**
   * Removes a member. Idempotent.
   *
   * @param orgId the org
   * @param userId the user
   * @return {@code true} when a membership was removed
   */
  boolean remove(String orgId, String userId);

  /**
   * Removes a user from every org (account deletion, FR-72). Idempotent.
   *
   * @param userId the user
   * @return the number of memberships removed
   */
  int removeAllForUser(String userId);
}
