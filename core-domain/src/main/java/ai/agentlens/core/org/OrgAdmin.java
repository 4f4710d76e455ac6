package ai.agentlens.core.org;

import ai.agentlens.core.account.Access;
import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.account.AuditTrail;
import ai.agentlens.core.account.Secrets;
import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.account.model.Caller;
import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.enrich.RedactionRules;
import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.plan.Tier;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.core.port.deletion.DeletionQueue;
import ai.agentlens.core.port.deletion.DeletionRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Organizations: create (creator becomes Owner, FR-03) within the tier's org limit (FR-04), list
 * one's orgs (FR-07), settings (FR-11), ownership transfer (FR-08), deletion with purge (FR-09).
 */
public final class OrgAdmin {

  /**
   * An org and the caller's role in it.
   *
   * @param org the org
   * @param role the caller's role
   */
  public record MyOrg(Org org, Role role) {}

  private final AccountPorts ports;
  private final Access access;
  private final AuditTrail audit;
  private final DeletionQueue deletions;

  /**
   * Creates the use case.
   *
   * @param ports the ports
   * @param access the permission gate
   * @param audit the audit trail
   * @param deletions the deletion queue the org's data goes through
   */
  public OrgAdmin(AccountPorts ports, Access access, AuditTrail audit, DeletionQueue deletions) {
    this.ports = ports;
    this.access = access;
    this.audit = audit;
    this.deletions = deletions;
  }

  /**
   * Creates an org owned by the caller.
   *
   * @param caller the signed-in caller
   * @param name display name
   * @param slug URL name, or {@code null} to derive it from the name
   * @return the org
   * @throws AccountException LIMIT when the caller owns as many orgs as their plan allows, CONFLICT
   *     for a taken slug, INVALID for a bad name or slug
   */
  public Org create(Caller caller, String name, String slug) {
    if (name == null || name.isBlank() || name.trim().length() > 200) {
      throw AccountException.invalid("name: 1..200 characters");
    }
    List<MyOrg> mine = listMine(caller);
    Plan plan = ports.settings().newOrgPlan();
    long owned = mine.stream().filter(m -> m.role() == Role.OWNER).count();
    int allowed =
        mine.stream()
            .filter(m -> m.role() == Role.OWNER)
            .mapToInt(m -> Tiers.of(m.org().plan()).orgs())
            .reduce(Tiers.of(plan).orgs(), Math::max);
    if (Tier.limited(allowed) && owned >= allowed) {
      throw AccountException.limit(
          "Your plan allows " + allowed + " org(s); upgrade to create more");
    }
    String s = slug == null || slug.isBlank() ? slugOf(name) : slug.trim();
    Org org =
        new Org(
            ports.ids().get().toLowerCase(Locale.ROOT),
            s,
            name.trim(),
            plan,
            OrgSettings.defaults(Tiers.of(plan).retentionDays()),
            ports.clock().now());
    try {
      ports.stores().orgs().create(org);
    } catch (ConflictException e) {
      throw AccountException.conflict("The slug '" + s + "' is taken");
    } catch (InvalidInputException e) {
      throw AccountException.invalid(e.getMessage());
    }
    ports
        .stores()
        .memberships()
        .add(new Membership(org.id(), caller.userId(), Role.OWNER, ports.clock().now()));
    audit.user(org.id(), caller, "org.create", "org", org.id(), AuditResult.SUCCESS, Map.of());
    return org;
  }

  /**
   * Lists the caller's orgs, oldest membership first.
   *
   * @param caller the signed-in caller
   * @return orgs with the caller's role
   */
  public List<MyOrg> listMine(Caller caller) {
    List<MyOrg> out = new ArrayList<>();
    for (Membership m : ports.stores().memberships().listByUser(caller.userId())) {
      ports.stores().orgs().find(m.orgId()).ifPresent(o -> out.add(new MyOrg(o, m.role())));
    }
    return out;
  }

  /**
   * Reads an org the caller belongs to.
   *
   * @param caller the caller
   * @param orgId the org
   * @return the org and the caller's role
   */
  public MyOrg get(Caller caller, String orgId) {
    Membership m = access.require(caller, orgId, Permission.VIEW_DATA);
    return new MyOrg(
        ports
            .stores()
            .orgs()
            .find(orgId)
            .orElseThrow(() -> AccountException.notFound("Org not found")),
        m.role());
  }

  /**
   * Replaces an org's settings (Owner, Admin); effective on the hot path at once on this instance,
   * within seconds elsewhere.
   *
   * @param caller the caller
   * @param orgId the org
   * @param settings the new settings
   * @return the updated org
   */
  public Org updateSettings(Caller caller, String orgId, OrgSettings settings) {
    access.require(caller, orgId, Permission.MANAGE_SETTINGS);
    int cap =
        ports.stores().orgs().find(orgId).map(o -> Tiers.of(o.plan()).retentionDays()).orElse(3650);
    if (settings.retentionDays() <= 0 || settings.retentionDays() > cap) {
      throw AccountException.invalid(
          "retentionDays: 1.." + cap + " (the plan's retention cap is " + cap + " days)");
    }
    try {
      RedactionRules.compile(settings.redactionRules());
      ports.stores().orgs().updateSettings(orgId, settings);
    } catch (IllegalArgumentException | InvalidInputException e) {
      throw AccountException.invalid("redactionRules: " + e.getMessage());
    }
    ports.orgDirectory().invalidate(orgId);
    audit.user(
        orgId,
        caller,
        "org.settings_change",
        "org",
        orgId,
        AuditResult.SUCCESS,
        Map.of(
            "retentionDays", Integer.toString(settings.retentionDays()),
            "promptMasking", Boolean.toString(settings.promptMasking()),
            "redactionRules", Integer.toString(settings.redactionRules().size())));
    return ports.stores().orgs().find(orgId).orElseThrow();
  }

  /**
   * Transfers ownership to an Admin (FR-08); the previous Owner becomes Admin.
   *
   * @param caller the Owner
   * @param orgId the org
   * @param newOwnerId an Admin of the org
   */
  public void transferOwnership(Caller caller, String orgId, String newOwnerId) {
    access.require(caller, orgId, Permission.TRANSFER_OWNERSHIP);
    Membership target =
        ports
            .stores()
            .memberships()
            .find(orgId, newOwnerId)
            .orElseThrow(() -> AccountException.notFound("Member not found"));
    if (target.role() != Role.ADMIN) {
      throw AccountException.invalid("Ownership can only be transferred to an Admin");
    }
    ports.stores().memberships().changeRole(orgId, newOwnerId, Role.OWNER);
    ports.stores().memberships().changeRole(orgId, caller.userId(), Role.ADMIN);
    audit.user(orgId, caller, "org.transfer", "user", newOwnerId, AuditResult.SUCCESS, Map.of());
  }

  /**
   * Deletes an org (FR-09, FR-71): at once nobody can reach it any more (keys revoked, pending
   * invitations and every membership removed), and a request in the {@link DeletionQueue} has the
   * deletion job purge its data in bounded batches, retried until done. Its audit log is kept.
   *
   * @param caller the Owner
   * @param orgId the org
   * @return the queued request (or the unfinished one already there)
   */
  public DeletionRequest delete(Caller caller, String orgId) {
    access.require(caller, orgId, Permission.DELETE_ORG);
    Instant now = ports.clock().now();
    // why: queued first, so a crash half-way through the steps below still ends in a full purge
    DeletionRequest request =
        deletions.request(
            DeletionRequest.requested(
                ports.ids().get(), DeletionRequest.Kind.ORG, orgId, caller.userId(), now));
    var stores = ports.stores();
    for (var key : stores.apiKeys().list(orgId)) {
      if (key.revokedAt() == null) {
        stores.apiKeys().revoke(orgId, key.id(), now);
      }
      ports.revocations().revoked(key.prefix());
    }
    for (var invitation : stores.invitations().listPending(orgId, now)) {
      stores.invitations().delete(orgId, invitation.id());
    }
    audit.user(
        orgId,
        caller,
        "org.delete",
        "org",
        orgId,
        AuditResult.SUCCESS,
        Map.of("deletionRequest", request.id()));
    for (Membership m : stores.memberships().listByOrg(orgId)) {
      stores.memberships().remove(orgId, m.userId());
    }
    ports.orgDirectory().invalidate(orgId);
    return request;
  }

  /**
   * Lists the deletions the caller asked for (org deletions as Owner), newest first, so the Owner
   * sees their state after the org is gone.
   *
   * @param caller the signed-in user
   * @return the requests
   */
  public List<DeletionRequest> deletions(Caller caller) {
    return deletions.byUser(caller.userId());
  }

  static String slugOf(String name) {
    String s =
        name.trim()
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (s.isEmpty()) {
      s = "org";
    }
    s = s.length() > 50 ? s.substring(0, 50).replaceAll("-+$", "") : s;
    return s
        + "-"
        + Secrets.token().substring(0, 6).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "x");
  }
}
