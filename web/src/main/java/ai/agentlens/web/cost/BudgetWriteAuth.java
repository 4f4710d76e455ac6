package ai.agentlens.web.cost;

import ai.agentlens.core.account.Access;
import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.apikey.ApiKeyPrincipal;
import ai.agentlens.core.budget.BudgetActor;
import ai.agentlens.web.auth.ApiKeyAuth;
import ai.agentlens.web.auth.ClientIp;
import ai.agentlens.web.auth.SessionAuth;
import ai.agentlens.web.auth.SessionOrKeyAuth;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Who may change budgets: an API key of the org (keys are created by Owners and Admins only, and
 * the SDKs manage budgets with them), or a signed-in Owner or Admin with the session's CSRF token
 * (a Member or Viewer gets 403, audited as {@code permission.denied}).
 */
@Singleton
class BudgetWriteAuth {

  /**
   * An authorized writer.
   *
   * @param orgId the org it acts in
   * @param actor who, for the audit log
   */
  record Writer(String orgId, BudgetActor actor) {}

  private final ApiKeyAuth keys;
  private final SessionAuth sessions;
  private final SessionOrKeyAuth either;
  private final Access access;
  private final ClientIp ip;

  BudgetWriteAuth(
      ApiKeyAuth keys, SessionAuth sessions, SessionOrKeyAuth either, Access access, ClientIp ip) {
    this.keys = keys;
    this.sessions = sessions;
    this.either = either;
    this.access = access;
    this.ip = ip;
  }

  Writer require(HttpRequest<?> request) {
    String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (header != null && !header.isBlank()) {
      ApiKeyPrincipal key = keys.require(request);
      return new Writer(
          key.orgId(), new BudgetActor(ActorType.API_KEY, key.prefix(), ip.of(request)));
    }
    SessionAuth.Authenticated a = sessions.require(request);
    String orgId = either.require(request).orgId();
    access.require(a.caller(), orgId, Permission.MANAGE_SETTINGS);
    return new Writer(orgId, new BudgetActor(ActorType.USER, a.caller().userId(), ip.of(request)));
  }
}
