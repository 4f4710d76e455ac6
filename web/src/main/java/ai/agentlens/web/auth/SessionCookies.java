package ai.agentlens.web.auth;

import ai.agentlens.core.signin.LoginSessions;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.time.Duration;

/**
 * The cookies of a session: {@code al_session} (HTTP-only, Secure, SameSite=Strict, the random id;
 * FR-47, NFR-18) and {@code al_csrf} (readable by the page's script, so it can echo the token in
 * {@code X-CSRF-Token}: the double-submit pattern, NFR-19).
 */
public final class SessionCookies {

  /** The CSRF cookie's name. */
  public static final String CSRF_COOKIE = "al_csrf";

  private SessionCookies() {}

  /**
   * Sets both cookies.
   *
   * @param response the response
   * @param started the new session
   * @param <T> the body type
   * @return the response
   */
  public static <T> MutableHttpResponse<T> set(
      MutableHttpResponse<T> response, LoginSessions.Started started) {
    Duration maxAge = LoginSessions.IDLE_TIMEOUT;
    return response
        .cookie(
            Cookie.of(SessionAuth.COOKIE, started.cookieValue())
                .httpOnly(true)
                .secure(true)
                .sameSite(SameSite.Strict)
                .path("/")
                .maxAge(maxAge))
        .cookie(
            Cookie.of(CSRF_COOKIE, started.session().csrfToken())
                .httpOnly(false)
                .secure(true)
                .sameSite(SameSite.Strict)
                .path("/")
                .maxAge(maxAge));
  }

  /**
   * Clears both cookies (logout).
   *
   * @param response the response
   * @param <T> the body type
   * @return the response
   */
  public static <T> MutableHttpResponse<T> clear(MutableHttpResponse<T> response) {
    return response
        .cookie(
            Cookie.of(SessionAuth.COOKIE, "")
                .httpOnly(true)
                .secure(true)
                .sameSite(SameSite.Strict)
                .path("/")
                .maxAge(0))
        .cookie(
            Cookie.of(CSRF_COOKIE, "").secure(true).sameSite(SameSite.Strict).path("/").maxAge(0));
  }
}
