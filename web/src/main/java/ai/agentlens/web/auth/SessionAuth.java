package ai.agentlens.web.auth;

import ai.agentlens.core.account.AuditTrail;
import ai.agentlens.core.account.Secrets;
import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.account.model.Caller;
import ai.agentlens.core.account.model.LoginSession;
import ai.agentlens.core.apikey.ApiKeyAuthenticator;
import ai.agentlens.core.signin.LoginSessions;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates management requests by the session cookie and enforces CSRF protection (NFR-19):
 * every state-changing request (anything but GET, HEAD, OPTIONS) must carry the session's token in
 * {@code X-CSRF-Token}. API keys never reach account or org management: such a request is refused
 * with 403 and audited in the key's org.
 */
@Singleton
public class SessionAuth {

  /** The session cookie's name. */
  public static final String COOKIE = "al_session";

  /** The CSRF header a state-changing request must carry. */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  /**
   * An authenticated management request.
   *
   * @param session the session
   * @param caller user and IP for the use cases
   */
  public record Authenticated(LoginSession session, Caller caller) {}

  private final LoginSessions sessions;
  private final ApiKeyAuthenticator keys;
  private final AuditTrail audit;
  private final ClientIp ip;

  SessionAuth(LoginSessions sessions, ApiKeyAuthenticator keys, AuditTrail audit, ClientIp ip) {
    this.sessions = sessions;
    this.keys = keys;
    this.audit = audit;
    this.ip = ip;
  }

  /**
   * Requires a signed-in user (and a valid CSRF token on state-changing methods).
   *
   * @param request the request
   * @return the session and caller
   * @throws AccountException UNAUTHENTICATED without a live session, FORBIDDEN for an API key or a
   *     missing or wrong CSRF token
   */
  public Authenticated require(HttpRequest<?> request) {
    Optional<LoginSession> session = current(request);
    if (session.isEmpty()) {
      refuseApiKey(request);
      throw new AccountException(AccountException.Kind.UNAUTHENTICATED, "Authentication required");
    }
    if (!safe(request.getMethod())) {
      String token = request.getHeaders().get(CSRF_HEADER);
      if (!Secrets.same(token, session.get().csrfToken())) {
        throw new AccountException(
            AccountException.Kind.FORBIDDEN, "Missing or invalid CSRF token (" + CSRF_HEADER + ")");
      }
    }
    return new Authenticated(session.get(), new Caller(session.get().userId(), ip.of(request)));
  }

  /**
   * Returns the live session a request's cookie names, without CSRF checks.
   *
   * @param request the request
   * @return the session, or empty
   */
  public Optional<LoginSession> current(HttpRequest<?> request) {
    return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).flatMap(sessions::resolve);
  }

  private void refuseApiKey(HttpRequest<?> request) {
    String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return;
    }
    keys.authenticate(header.substring(7).trim())
        .ifPresent(
            k -> {
              audit.append(
                  k.orgId(),
                  ActorType.API_KEY,
                  k.prefix(),
                  "permission.denied",
                  "route",
                  request.getMethodName() + " " + request.getPath(),
                  ip.of(request),
                  AuditResult.FAILURE,
                  Map.of("reason", "api_key_on_management_route"));
              throw new AccountException(
                  AccountException.Kind.FORBIDDEN,
                  "API keys cannot manage accounts or orgs; sign in to the dashboard");
            });
  }

  private static boolean safe(HttpMethod m) {
    return m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS;
  }
}
