package ai.agentlens.web.incident;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.incident.Incidents;
import ai.agentlens.core.port.storage.MembershipStore;
import ai.agentlens.web.auth.ClientIp;
import ai.agentlens.web.auth.SessionAuth;
import ai.agentlens.web.auth.SessionOrKeyAuth;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Who may read and change incidents and incident rules: any member (or an org API key) reads;
 * changes need an org API key (keys are created by Owners and Admins only) or a signed-in Owner or
 * Admin with the CSRF token. Members and Viewers get 403.
 */
@Singleton
class IncidentAccess {

  /**
   * An authorized change.
   *
   * @param orgId the org
   * @param actor who, for the audit log
   */
  record Writer(String orgId, Incidents.Actor actor) {}

  private final SessionOrKeyAuth auth;
  private final SessionAuth sessions;
  private final MembershipStore memberships;
  private final ClientIp ip;

  IncidentAccess(
      SessionOrKeyAuth auth, SessionAuth sessions, MembershipStore memberships, ClientIp ip) {
    this.auth = auth;
    this.sessions = sessions;
    this.memberships = memberships;
    this.ip = ip;
  }

  /**
   * Authenticates a read.
   *
   * @param request the request
   * @return the org to read
   */
  String reader(HttpRequest<?> request) {
    return auth.require(request).orgId();
  }

  /**
   * Authenticates and authorizes a change.
   *
   * @param request the request
   * @return the org and actor
   */
  Writer writer(HttpRequest<?> request) {
    SessionOrKeyAuth.Caller caller = auth.require(request);
    String from = ip.of(request);
    if (caller.viaKey()) {
      return new Writer(
          caller.orgId(), new Incidents.Actor(ActorType.API_KEY, caller.actor(), from));
    }
    sessions.require(request);
    Role role =
        memberships
            .find(caller.orgId(), caller.actor())
            .map(m -> m.role())
            .orElseThrow(() -> AccountException.forbidden("not a member of this org"));
    if (role != Role.OWNER && role != Role.ADMIN) {
      throw AccountException.forbidden(
          "changing incidents and their rules needs the Owner or Admin role");
    }
    return new Writer(caller.orgId(), new Incidents.Actor(ActorType.USER, caller.actor(), from));
  }
}
