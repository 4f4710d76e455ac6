package ai.agentlens.core.org;

import ai.agentlens.core.account.Access;
import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.account.AuditTrail;
import ai.agentlens.core.account.Emails;
import ai.agentlens.core.account.Secrets;
import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.account.model.Caller;
import ai.agentlens.core.account.model.Invitation;
import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.plan.Tier;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.core.port.Mailer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Invitations by e-mail (FR-05, AC-03): expire after 7 days, accepted by an existing user signed in
 * with the invited address, or by a new user who signs up through the link. Member limits per tier
 * (FR-10) count members plus pending invitations.
 */
public final class Invitations {

  /** How long an invitation is valid (FR-05). */
  public static final Duration TTL = Duration.ofDays(7);

  /**
   * A new invitation with the token that was mailed.
   *
   * @param invitation the stored invitation
   * @param token the secret token (only in the mail and this value)
   */
  public record Sent(Invitation invitation, String token) {}

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
  public Invitations(AccountPorts ports, Access access, AuditTrail audit) {
    this.ports = ports;
    this.access = access;
    this.audit = audit;
  }

  /**
   * Invites an address with a role (not Owner) and mails the link.
   *
   * @param caller an Owner or Admin
   * @param orgId the org
   * @param email the invitee
   * @param role admin, member or viewer
   * @return the invitation and its token
   */
  public Sent invite(Caller caller, String orgId, String email, Role role) {
    access.require(caller, orgId, Permission.MANAGE_MEMBERS);
    String address = Emails.normalize(email);
    if (role == null || role == Role.OWNER) {
      throw AccountException.invalid("role: admin, member or viewer");
    }
    Org org = ports.stores().orgs().find(orgId).orElseThrow();
    Instant now = ports.clock().now();
    List<Invitation> pending = ports.stores().invitations().listPending(orgId, now);
    List<Membership> members = ports.stores().memberships().listByOrg(orgId);
    for (Membership m : members) {
      if (ports.stores().users().find(m.userId()).map(User::email).orElse("").equals(address)) {
        throw AccountException.conflict("This address belongs to a member already");
      }
    }
    int limit = Tiers.of(org.plan()).members();
    if (Tier.limited(limit) && members.size() + pending.size() >= limit) {
      throw AccountException.limit("Your plan allows " + limit + " members; upgrade to add more");
    }
    String token = Secrets.token();
    Invitation inv =
        new Invitation(
            ports.ids().get(),
            orgId,
            address,
            role,
            Secrets.sha256(token),
            caller.userId(),
            now,
            now.plus(TTL),
            null);
    ports.stores().invitations().create(inv);
    ports
        .mailer()
        .send(
            new Mailer.Message(
                address,
                "You are invited to " + org.name() + " on AgentLens",
                "You have been invited to join "
                    + org.name()
                    + " as "
                    + role.wireName()
                    + ". The invitation is valid for 7 days:\n"
                    + ports.settings().baseUrl()
                    + "/invitations/accept?org="
                    + orgId
                    + "&token="
                    + token
                    + "\n\nOrg: "
                    + orgId
                    + "\nInvitation token: "
                    + token
                    + "\n"));
    audit.user(
        orgId,
        caller,
        "member.invite",
        "invitation",
        inv.id(),
        AuditResult.SUCCESS,
        Map.of("email", address, "role", role.wireName()));
    return new Sent(inv, token);
  }

  /**
   * Lists pending invitations.
   *
   * @param caller an Owner or Admin
   * @param orgId the org
   * @return pending invitations, newest first
   */
  public List<Invitation> listPending(Caller caller, String orgId) {
    access.require(caller, orgId, Permission.MANAGE_MEMBERS);
    return ports.stores().invitations().listPending(orgId, ports.clock().now());
  }

  /**
   * Revokes a pending invitation.
   *
   * @param caller an Owner or Admin
   * @param orgId the org
   * @param invitationId the invitation
   */
  public void revoke(Caller caller, String orgId, String invitationId) {
    access.require(caller, orgId, Permission.MANAGE_MEMBERS);
    if (!ports.stores().invitations().delete(orgId, invitationId)) {
      throw AccountException.notFound("Invitation not found");
    }
    audit.user(
        orgId,
        caller,
        "invitation.revoke",
        "invitation",
        invitationId,
        AuditResult.SUCCESS,
        Map.of());
  }

  /**
   * Finds the pending invitation a link names.
   *
   * @param orgId the org in the link
   * @param token the token in the link
   * @return the invitation
   * @throws AccountException INVALID when unknown, expired or accepted
   */
  public Invitation pending(String orgId, String token) {
    if (orgId == null || token == null || orgId.isBlank() || token.isBlank()) {
      throw AccountException.invalid("orgId and token are required");
    }
    Invitation inv =
        ports
            .stores()
            .invitations()
            .findByTokenHash(orgId, Secrets.sha256(token))
            .orElseThrow(() -> AccountException.invalid("Invalid or expired invitation"));
    if (!inv.pendingAt(ports.clock().now())) {
      throw AccountException.invalid("Invalid or expired invitation");
    }
    return inv;
  }

  /**
   * Accepts an invitation for a user whose address matches it.
   *
   * @param user the accepting user
   * @param inv a pending invitation
   * @param ip the client's address
   * @return the new membership
   */
  public Membership accept(User user, Invitation inv, String ip) {
    if (!user.email().equals(inv.email())) {
      throw AccountException.forbidden("This invitation is for another e-mail address");
    }
    Org org = ports.stores().orgs().find(inv.orgId()).orElseThrow();
    int limit = Tiers.of(org.plan()).members();
    if (Tier.limited(limit) && ports.stores().memberships().listByOrg(org.id()).size() >= limit) {
      throw AccountException.limit("The org has reached its plan's member limit");
    }
    Instant now = ports.clock().now();
    if (!ports.stores().invitations().markAccepted(inv.orgId(), inv.id(), now)) {
      throw AccountException.invalid("Invalid or expired invitation");
    }
    Membership m = new Membership(inv.orgId(), user.id(), inv.role(), now);
    try {
      ports.stores().memberships().add(m);
    } catch (ConflictException e) {
      throw AccountException.conflict("You are a member of this org already");
    }
    if (!user.verified()) {
      // why: following the mailed link proves the address
      ports.stores().users().markVerified(user.id());
    }
    audit.user(
        inv.orgId(),
        new Caller(user.id(), ip),
        "member.join",
        "invitation",
        inv.id(),
        AuditResult.SUCCESS,
        Map.of("role", inv.role().wireName()));
    return m;
  }
}
