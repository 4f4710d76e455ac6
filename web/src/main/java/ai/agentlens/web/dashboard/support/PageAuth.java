package ai.agentlens.web.dashboard.support;

import ai.agentlens.core.account.Secrets;
import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.Caller;
import ai.agentlens.core.account.model.LoginSession;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.port.storage.UserStore;
import ai.agentlens.web.auth.ClientIp;
import ai.agentlens.web.auth.SessionAuth;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's view of the session cookie (set by the accounts API's sign-in): pages need a live
 * session, and every state-changing form carries the session's CSRF token in a hidden {@code _csrf}
 * field (NFR-19) — the form equivalent of the API's {@code X-CSRF-Token} header.
 */
@Singleton
public class PageAuth {

  /** The hidden form field that carries the CSRF token. */
  public static final String CSRF_FIELD = "_csrf";

  /**
   * A signed-in visitor.
   *
   * @param session the login session
   * @param caller user and IP for the use cases
   * @param user the user
   */
  public record Signed(LoginSession session, Caller caller, User user) {

    /**
     * Returns the session's CSRF token.
     *
     * @return the token
     */
    public String csrf() {
      return session.csrfToken();
    }
  }

  private final SessionAuth sessions;
  private final UserStore users;
  private final ClientIp ip;

  PageAuth(SessionAuth sessions, UserStore users, ClientIp ip) {
    this.sessions = sessions;
    this.users = users;
    this.ip = ip;
  }

  /**
   * Returns the signed-in visitor, if any.
   *
   * @param request the request
   * @return the visitor, or empty
   */
  public Optional<Signed> current(HttpRequest<?> request) {
    return sessions
        .current(request)
        .flatMap(
            s ->
                users
                    .find(s.userId())
                    .map(u -> new Signed(s, new Caller(u.id(), ip.of(request)), u)));
  }

  /**
   * Requires a signed-in visitor.
   *
   * @param request the request
   * @return the visitor
   * @throws SignInRequired without a live session
   */
  public Signed require(HttpRequest<?> request) {
    return current(request).orElseThrow(() -> new SignInRequired(pathOf(request)));
  }

  /**
   * Requires a signed-in visitor and the session's CSRF token in the form.
   *
   * @param request the request
   * @param form the submitted fields
   * @return the visitor
   * @throws AccountException FORBIDDEN when the token is missing or wrong
   */
  public Signed requireForm(HttpRequest<?> request, Map<String, String> form) {
    Signed s = require(request);
    if (!Secrets.same(form.get(CSRF_FIELD), s.csrf())) {
      throw new AccountException(
          AccountException.Kind.FORBIDDEN,
          "This form has expired or came from another site. Reload the page and try again.");
    }
    return s;
  }

  private static String pathOf(HttpRequest<?> request) {
    String q = request.getUri().getRawQuery();
    return request.getPath() + (q == null || q.isEmpty() ? "" : "?" + q);
  }
}
