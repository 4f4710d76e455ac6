package ai.agentlens.web.auth;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.port.storage.MembershipStore;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * The access rule of features whose changes belong to Owners and Admins (alert rules, incidents):
 * any member or an org API key reads; a change needs an org API key (only Owners and Admins create
 * keys) or a signed-in Owner or Admin with the CSRF token; Members and Viewers get 403.
 */
@Singleton
public class OwnerAdminWrites {

  /**
   * An authorized change.
   *
   * @param orgId the org
   * @param actorType an API key or a user
   * @param actor the key's or user's id
   * @param from the client address
   */
  public record Change(String orgId, ActorType actorType, String actor, String from) {}

  private final SessionOrKeyAuth auth;
  private final SessionAuth sessions;
  private final MembershipStore memberships;
  private final ClientIp ip;

  OwnerAdminWrites(
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
  public String reader(HttpRequest<?> request) {
    return auth.require(request).orgId();
  }

  /**
   * Authenticates and authorizes a change.
   *
   * @param request the request
   * @param refusal the 403 message for a Member or Viewer
   * @return the org and who changes
   * @throws AccountException 401 without credentials, 403 below Admin
   */
  public Change writer(HttpRequest<?> request, String refusal) {
    SessionOrKeyAuth.Caller caller = auth.require(request);
    String from = ip.of(request);
    if (caller.viaKey()) {
      return new Change(caller.orgId(), ActorType.API_KEY, caller.actor(), from);
    }
    sessions.require(request);
    Role role =
        memberships
            .find(caller.orgId(), caller.actor())
            .map(m -> m.role())
            .orElseThrow(() -> AccountException.forbidden("not a member of this org"));
    if (role != Role.OWNER && role != Role.ADMIN) {
      throw AccountException.forbidden(refusal);
    }
    return new Change(caller.orgId(), ActorType.USER, caller.actor(), from);
  }
}
