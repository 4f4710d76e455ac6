package ai.agentlens.web.auth;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.Caller;
import ai.agentlens.core.account.model.LoginSession;
import ai.agentlens.core.org.OrgAdmin;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the org of a read request that may come from an agent or script (an API key in {@code
 * Authorization: Bearer …}) or from the dashboard (the session cookie): the key's org, or the
 * session's current org while the user is still a member of it (else their first org, as the
 * dashboard pages do). A present {@code Authorization} header wins over a cookie. Only for safe
 * (GET) routes: no CSRF check is made.
 */
@Singleton
public class SessionOrKeyAuth {

  private final ApiKeyAuth keys;
  private final SessionAuth sessions;
  private final OrgAdmin orgs;
  private final ClientIp ip;

  SessionOrKeyAuth(ApiKeyAuth keys, SessionAuth sessions, OrgAdmin orgs, ClientIp ip) {
    this.keys = keys;
    this.sessions = sessions;
    this.orgs = orgs;
    this.ip = ip;
  }

  /**
   * Returns the org a request acts in.
   *
   * @param request the request
   * @return the org id
   * @throws UnauthorizedException without credentials, or with a key that is not valid (401)
   * @throws AccountException FORBIDDEN for a signed-in user who belongs to no org
   */
  public String requireOrg(HttpRequest<?> request) {
    String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (header != null && !header.isBlank()) {
      return keys.require(request).orgId();
    }
    Optional<LoginSession> session = sessions.current(request);
    if (session.isEmpty()) {
      throw new UnauthorizedException(ApiKeyAuth.MISSING);
    }
    List<OrgAdmin.MyOrg> mine = orgs.listMine(new Caller(session.get().userId(), ip.of(request)));
    if (mine.isEmpty()) {
      throw new AccountException(
          AccountException.Kind.FORBIDDEN, "You belong to no org yet; create one first");
    }
    String stored = session.get().currentOrgId();
    return mine.stream()
        .map(m -> m.org().id())
        .filter(id -> id.equals(stored))
        .findFirst()
        .orElse(mine.get(0).org().id());
  }
}
