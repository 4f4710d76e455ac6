package ai.agentlens.core.signin;

import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.account.AuditTrail;
import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditQuery;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.account.model.Caller;
import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.port.deletion.DeletionQueue;
import ai.agentlens.core.port.deletion.DeletionRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A user's own data: profile update (FR-12), export (PC-10) and account deletion (FR-12, FR-72:
 * memberships removed, credentials and sessions deleted, audit entries anonymized).
 */
public final class PersonalData {

  /**
   * Everything stored about a user.
   *
   * @param user the profile (the password hash is never exported)
   * @param memberships the user's memberships
   * @param activity audit entries the user performed, per org, newest first
   */
  public record Export(User user, List<Membership> memberships, List<AuditEntry> activity) {}

  private final AccountPorts ports;
  private final AuditTrail audit;
  private final DeletionQueue deletions;

  /**
   * Creates the use case.
   *
   * @param ports the ports
   * @param audit the audit trail
   * @param deletions the queue that retries a deletion's last step until done
   */
  public PersonalData(AccountPorts ports, AuditTrail audit, DeletionQueue deletions) {
    this.ports = ports;
    this.audit = audit;
    this.deletions = deletions;
  }

  /**
   * Updates the display name and avatar.
   *
   * @param caller the user
   * @param displayName 1..200 characters
   * @param avatarUrl an http(s) URL, or {@code null}
   * @return the updated user
   */
  public User updateProfile(Caller caller, String displayName, String avatarUrl) {
    if (displayName == null || displayName.isBlank() || displayName.trim().length() > 200) {
      throw AccountException.invalid("displayName: 1..200 characters");
    }
    if (avatarUrl != null
        && (avatarUrl.length() > 2048 || !avatarUrl.matches("https?://[^\\s]+"))) {
      throw AccountException.invalid("avatarUrl: an http(s) URL");
    }
    ports.stores().users().updateProfile(caller.userId(), displayName.trim(), avatarUrl);
    return user(caller);
  }

  /**
   * Exports the caller's personal data (PC-10) and audits the export in each of their orgs.
   *
   * @param caller the user
   * @return the data
   */
  public Export export(Caller caller) {
    User u = user(caller);
    User safe =
        new User(
            u.id(), u.email(), u.displayName(), u.avatarUrl(), null, u.verified(), u.createdAt());
    List<Membership> memberships = ports.stores().memberships().listByUser(u.id());
    List<AuditEntry> activity = new ArrayList<>();
    for (Membership m : memberships) {
      activity.addAll(
          ports.stores().audit().query(m.orgId(), AuditQuery.newest(1000).byActor(u.id())));
    }
    audit.inEveryOrgOf(caller, "user.export", AuditResult.SUCCESS, Map.of());
    return new Export(safe, memberships, activity);
  }

  /**
   * Deletes the caller's account. Refused while the user owns an org (transfer or delete it first),
   * so no org is left without an Owner. The account is gone when this returns; the anonymization of
   * its audit entries is a {@link DeletionQueue} request, done here and retried by the deletion job
   * if it fails.
   *
   * @param caller the user
   */
  public void deleteAccount(Caller caller) {
    String id = caller.userId();
    List<Membership> memberships = ports.stores().memberships().listByUser(id);
    if (memberships.stream().anyMatch(m -> m.role() == Role.OWNER)) {
      throw AccountException.conflict(
          "You own an org: transfer its ownership or delete it before deleting your account");
    }
    audit.inEveryOrgOf(caller, "user.delete", AuditResult.SUCCESS, Map.of());
    ports.stores().memberships().removeAllForUser(id);
    ports.stores().loginSessions().deleteForUser(id);
    ports.stores().userTokens().deleteForUser(id);
    ports.stores().users().delete(id);
    Instant now = ports.clock().now();
    DeletionRequest request =
        deletions.request(
            DeletionRequest.requested(
                ports.ids().get(), DeletionRequest.Kind.ACCOUNT, null, id, now));
    deletions.started(request, now);
    try {
      ports.stores().audit().anonymizeActor(id, now);
      deletions.done(request, ports.clock().now());
    } catch (RuntimeException e) {
      // why: the account is gone already; the deletion job retries the anonymization until done
      deletions.failed(request, e.getClass().getSimpleName(), ports.clock().now());
    }
  }

  private User user(Caller caller) {
    return ports
        .stores()
        .users()
        .find(caller.userId())
        .orElseThrow(
            () ->
                new AccountException(
                    AccountException.Kind.UNAUTHENTICATED, "Authentication required"));
  }
}
