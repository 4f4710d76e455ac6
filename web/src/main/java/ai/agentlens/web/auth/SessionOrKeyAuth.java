package ai.agentlens.web.auth;

import ai.agentlens.core.account.model.LoginSession;
import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.apikey.ApiKeyAuthenticator;
import ai.agentlens.core.port.storage.MembershipStore;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Authenticates read routes that both people and programs use: an API key ({@code Authorization:
 * Bearer …}, which wins when present) or the dashboard's session cookie. A session acts in its
 * current org while the user is still a member of it, otherwise in their oldest membership's org —
 * the rule the dashboard's org context follows, so a page and its JSON show the same org. Only safe
 * (GET) routes may use it: there is no CSRF check.
 */
@Singleton
public class SessionOrKeyAuth {

  /**
   * Who is asking, and in which org.
   *
   * @param orgId the org every read is scoped to
   * @param viaKey whether an API key authenticated the request (else a session)
   * @param actor the key's prefix or the user's id
   */
  public record Caller(String orgId, boolean viaKey, String actor) {}

  private final ApiKeyAuth keys;
  private final ApiKeyAuthenticator authenticator;
  private final SessionAuth sessions;
  private final MembershipStore memberships;

  SessionOrKeyAuth(
      ApiKeyAuth keys,
      ApiKeyAuthenticator authenticator,
      SessionAuth sessions,
      MembershipStore memberships) {
    this.keys = keys;
    this.authenticator = authenticator;
    this.sessions = sessions;
    this.memberships = memberships;
  }

  /**
   * Requires an API key or a session with an org, and notes a key's use.
   *
   * @param request the request
   * @return the caller
   * @throws UnauthorizedException without credentials, with an invalid key, or for a signed-in user
   *     who belongs to no org
   */
  public Caller require(HttpRequest<?> request) {
    if (bearer(request) != null) {
      var key = keys.require(request);
      return new Caller(key.orgId(), true, key.prefix());
    }
    return sessions
        .current(request)
        .flatMap(this::sessionCaller)
        .orElseThrow(() -> new UnauthorizedException(ApiKeyAuth.MISSING));
  }

  /**
   * Like {@link #require} without side effects: for filters that must know the org before the route
   * runs. Invalid or missing credentials give empty (the route then answers 401 itself).
   *
   * @param request the request
   * @return the caller, or empty
   */
  public Optional<Caller> peek(HttpRequest<?> request) {
    String bearer = bearer(request);
    if (bearer != null) {
      return authenticator.authenticate(bearer).map(k -> new Caller(k.orgId(), true, k.prefix()));
    }
    return sessions.current(request).flatMap(this::sessionCaller);
  }

  private Optional<Caller> sessionCaller(LoginSession s) {
    String current = s.currentOrgId();
    if (current != null && memberships.find(current, s.userId()).isPresent()) {
      return Optional.of(new Caller(current, false, s.userId()));
    }
    List<Membership> mine = memberships.listByUser(s.userId());
    return mine.isEmpty()
        ? Optional.empty()
        : Optional.of(new Caller(mine.get(0).orgId(), false, s.userId()));
  }

  private static String bearer(HttpRequest<?> request) {
    String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      return null;
    }
    return header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
  }
}
