package ai.agentlens.core.org;

import ai.agentlens.core.account.Access;
import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.account.AuditTrail;
import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.account.model.Caller;
import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.account.policy.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Members of an org: list, change roles (AC-04), remove (FR-48 "Manage team members"). */
public final class MemberAdmin {

  /**
   * A member with their user record.
   *
   * @param membership the membership
   * @param user the user
   */
  public record Member(Membership membership, User user) {}

  private final AccountPorts ports;
  private final Access access;
  private final AuditTrail audit;

  /**
   * Creates the use case.
   *
   * @param ports the ports
   * @param access the permission gate
   * @param audit the audit trail
   */
  public MemberAdmin(AccountPorts ports, Access access, AuditTrail audit) {
    this.ports = ports;
    this.access = access;
    this.audit = audit;
  }

  /**
   * Lists an org's members (every member may see who else belongs).
   *
   * @param caller the caller
   * @param orgId the org
   * @return the members, oldest first
   */
  public List<Member> list(Caller caller, String orgId) {
    access.require(caller, orgId, Permission.VIEW_DATA);
    List<Member> out = new ArrayList<>();
    for (Membership m : ports.stores().memberships().listByOrg(orgId)) {
      ports.stores().users().find(m.userId()).ifPresent(u -> out.add(new Member(m, u)));
    }
    return out;
  }

  /**
   * Changes a member's role to Admin, Member or Viewer. The Owner's role changes only through a
   * transfer.
   *
   * @param caller an Owner or Admin
   * @param orgId the org
   * @param userId the member
   * @param role the new role; not Owner
   */
  public void changeRole(Caller caller, String orgId, String userId, Role role) {
    access.require(caller, orgId, Permission.MANAGE_MEMBERS);
    if (role == null || role == Role.OWNER) {
      throw AccountException.invalid("role: admin, member or viewer (use transfer for owner)");
    }
    Membership target = member(orgId, userId);
    if (target.role() == Role.OWNER) {
      throw AccountException.invalid("The Owner's role changes only by transferring ownership");
    }
    ports.stores().memberships().changeRole(orgId, userId, role);
    audit.user(
        orgId,
        caller,
        "member.role_change",
        "user",
        userId,
        AuditResult.SUCCESS,
        Map.of("from", target.role().wireName(), "to", role.wireName()));
  }

  /**
   * Removes a member; the Owner cannot be removed.
   *
   * @param caller an Owner or Admin
   * @param orgId the org
   * @param userId the member
   */
  public void remove(Caller caller, String orgId, String userId) {
    access.require(caller, orgId, Permission.MANAGE_MEMBERS);
    Membership target = member(orgId, userId);
    if (target.role() == Role.OWNER) {
      throw AccountException.invalid("The Owner cannot be removed; transfer ownership first");
    }
    ports.stores().memberships().remove(orgId, userId);
    audit.user(orgId, caller, "member.remove", "user", userId, AuditResult.SUCCESS, Map.of());
  }

  private Membership member(String orgId, String userId) {
    return ports
        .stores()
        .memberships()
        .find(orgId, userId)
        .orElseThrow(() -> AccountException.notFound("Member not found"));
  }
}
