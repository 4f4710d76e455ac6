package ai.agentlens.web.transfer;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.port.storage.MembershipStore;
import ai.agentlens.web.auth.SessionOrKeyAuth;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Who may move an org's data in or out: an API key of the org (keys are created by Owners and
 * Admins only, and every key carries the {@code query} and {@code ingest} scopes), or a signed-in
 * Owner or Admin. Members and Viewers get 403.
 */
@Singleton
class TransferAccess {

  private final SessionOrKeyAuth auth;
  private final MembershipStore memberships;

  TransferAccess(SessionOrKeyAuth auth, MembershipStore memberships) {
    this.auth = auth;
    this.memberships = memberships;
  }

  /**
   * Authenticates and authorizes a request.
   *
   * @param request the request
   * @return the org to export from or import into
   */
  String requireOrg(HttpRequest<?> request) {
    SessionOrKeyAuth.Caller caller = auth.require(request);
    if (caller.viaKey()) {
      return caller.orgId();
    }
    Role role =
        memberships
            .find(caller.orgId(), caller.actor())
            .map(m -> m.role())
            .orElseThrow(() -> AccountException.forbidden("not a member of this org"));
    if (role != Role.OWNER && role != Role.ADMIN) {
      throw AccountException.forbidden("export and import need the Owner or Admin role");
    }
    return caller.orgId();
  }
}
