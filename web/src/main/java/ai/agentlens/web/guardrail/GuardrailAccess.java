package ai.agentlens.web.guardrail;

import ai.agentlens.core.account.Access;
import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.guardrail.GuardrailActor;
import ai.agentlens.web.auth.ClientIp;
import ai.agentlens.web.auth.SessionAuth;
import ai.agentlens.web.auth.SessionOrKeyAuth;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Who may read and change guardrails. Reads: any member of the org (session) or an API key of it.
 * Changes: a session of an Owner or Admin (with its CSRF token; other roles get 403, audited as
 * {@code permission.denied}) or an API key — keys are issued only by Owners and Admins and are the
 * SDKs' credential, like the reference's default {@code *} scope.
 */
@Singleton
public class GuardrailAccess {

  /**
   * A caller allowed to act, in its org.
   *
   * @param orgId the org
   * @param actor who, for the audit log
   */
  public record Allowed(String orgId, GuardrailActor actor) {}

  private final SessionOrKeyAuth auth;
  private final SessionAuth sessions;
  private final Access access;
  private final ClientIp ips;

  GuardrailAccess(SessionOrKeyAuth auth, SessionAuth sessions, Access access, ClientIp ips) {
    this.auth = auth;
    this.sessions = sessions;
    this.access = access;
    this.ips = ips;
  }

  /**
   * Requires a reader.
   *
   * @param request the request
   * @return the caller's org and identity
   */
  public Allowed read(HttpRequest<?> request) {
    SessionOrKeyAuth.Caller c = auth.require(request);
    return new Allowed(c.orgId(), actor(c, request));
  }

  /**
   * Requires an Owner or Admin session (with CSRF) or an API key.
   *
   * @param request the request
   * @return the caller's org and identity
   */
  public Allowed manage(HttpRequest<?> request) {
    SessionOrKeyAuth.Caller c = auth.require(request);
    if (!c.viaKey()) {
      SessionAuth.Authenticated a = sessions.require(request);
      access.require(a.caller(), c.orgId(), Permission.MANAGE_SETTINGS);
    }
    return new Allowed(c.orgId(), actor(c, request));
  }

  private GuardrailActor actor(SessionOrKeyAuth.Caller c, HttpRequest<?> request) {
    return new GuardrailActor(
        c.viaKey() ? ActorType.API_KEY : ActorType.USER, c.actor(), ips.of(request));
  }
}
