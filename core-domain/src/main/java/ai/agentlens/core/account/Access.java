package ai.agentlens.core.account;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.account.model.Caller;
import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.account.policy.Permissions;
import java.util.Map;

/**
 * The one gate of every management action: the caller must be signed in, a member of the org (else
 * 404, so other orgs' existence is not revealed), and hold a role the {@link Permissions} matrix
 * allows (else 403, audited as {@code permission.denied}, FR-51).
 */
public final class Access {

  private final AccountPorts ports;
  private final AuditTrail audit;

  /**
   * Creates the gate.
   *
   * @param ports the ports
   * @param audit the audit trail
   */
  public Access(AccountPorts ports, AuditTrail audit) {
    this.ports = ports;
    this.audit = audit;
  }

  /**
   * Checks a caller's right to act on an org.
   *
   * @param caller the signed-in caller
   * @param orgId the org
   * @param permission the action
   * @return the caller's membership
   * @throws AccountException UNAUTHENTICATED, NOT_FOUND or FORBIDDEN
   */
  public Membership require(Caller caller, String orgId, Permission permission) {
    if (caller.userId() == null) {
      throw new AccountException(AccountException.Kind.UNAUTHENTICATED, "Authentication required");
    }
    Membership m =
        ports
            .stores()
            .memberships()
            .find(orgId, caller.userId())
            .orElseThrow(() -> AccountException.notFound("Org not found"));
    if (!Permissions.allows(m.role(), permission)) {
      audit.user(
          orgId,
          caller,
          "permission.denied",
          "permission",
          permission.name().toLowerCase(java.util.Locale.ROOT),
          AuditResult.FAILURE,
          Map.of("role", m.role().wireName()));
      throw AccountException.forbidden("Insufficient permissions");
    }
    return m;
  }
}
