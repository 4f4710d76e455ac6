package ai.agentlens.web.dashboard.support;

import ai.agentlens.core.account.Secrets;
import ai.agentlens.core.account.model.AccountException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.time.Duration;
import java.util.Map;

/**
 * CSRF protection for the forms a visitor fills in before having a session (sign-in, sign-up,
 * password reset, invitation sign-up): a random token in an HTTP-only, SameSite=Strict cookie that
 * the form must echo (double submit), so another site cannot post these forms in the visitor's name
 * (login CSRF).
 */
public final class FormTokens {

  /** The cookie's name. */
  public static final String COOKIE = "al_form";

  private FormTokens() {}

  /**
   * Returns the visitor's form token, or a new one.
   *
   * @param request the request
   * @return the token to put in the form (and, via {@link #keep}, in the cookie)
   */
  public static String of(HttpRequest<?> request) {
    return request
        .getCookies()
        .findCookie(COOKIE)
        .map(Cookie::getValue)
        .filter(v -> v.length() >= 32)
        .orElseGet(Secrets::token);
  }

  /**
   * Sets the token cookie on a page that shows a public form.
   *
   * @param response the response
   * @param token the token in the form
   * @param <T> the body type
   * @return the response
   */
  public static <T> MutableHttpResponse<T> keep(MutableHttpResponse<T> response, String token) {
    return response.cookie(
        Cookie.of(COOKIE, token)
            .httpOnly(true)
            .secure(true)
            .sameSite(SameSite.Strict)
            .path("/")
            .maxAge(Duration.ofHours(2)));
  }

  /**
   * Checks a submitted public form.
   *
   * @param request the request
   * @param form the fields
   * @throws AccountException FORBIDDEN when the token is missing or does not match
   */
  public static void check(HttpRequest<?> request, Map<String, String> form) {
    String cookie = request.getCookies().findCookie(COOKIE).map(Cookie::getValue).orElse(null);
    if (cookie == null || !Secrets.same(cookie, form.get(PageAuth.CSRF_FIELD))) {
      throw new AccountException(
          AccountException.Kind.FORBIDDEN,
          "This form has expired or came from another site. Reload the page and try again.");
    }
  }
}
