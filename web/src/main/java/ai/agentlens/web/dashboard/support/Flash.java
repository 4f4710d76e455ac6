package ai.agentlens.web.dashboard.support;

import ai.agentlens.web.dashboard.view.Layout;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The one-time message a form leaves for the page it redirects to (post/redirect/get), in a short-
 * lived HTTP-only cookie: never in the URL, so it cannot be forged by a link.
 */
public final class Flash {

  /** The cookie's name. */
  public static final String COOKIE = "al_flash";

  private Flash() {}

  /**
   * Leaves a success message.
   *
   * @param response the redirect
   * @param message the text
   * @param <T> the body type
   * @return the response
   */
  public static <T> MutableHttpResponse<T> ok(MutableHttpResponse<T> response, String message) {
    return set(response, "ok", message);
  }

  /**
   * Leaves an error message.
   *
   * @param response the redirect
   * @param message the text
   * @param <T> the body type
   * @return the response
   */
  public static <T> MutableHttpResponse<T> error(MutableHttpResponse<T> response, String message) {
    return set(response, "error", message);
  }

  private static <T> MutableHttpResponse<T> set(
      MutableHttpResponse<T> response, String kind, String message) {
    return response.cookie(
        Cookie.of(COOKIE, kind + ":" + Redirects.encode(message))
            .httpOnly(true)
            .secure(true)
            .sameSite(SameSite.Strict)
            .path("/")
            .maxAge(Duration.ofMinutes(1)));
  }

  /**
   * Reads the message a request carries.
   *
   * @param request the request
   * @return the message, or {@code null}
   */
  public static Layout.Flash read(HttpRequest<?> request) {
    return request
        .getCookies()
        .findCookie(COOKIE)
        .map(Cookie::getValue)
        .filter(v -> v.startsWith("ok:") || v.startsWith("error:"))
        .map(
            v -> {
              int colon = v.indexOf(':');
              String text = URLDecoder.decode(v.substring(colon + 1), StandardCharsets.UTF_8);
              return new Layout.Flash(v.substring(0, colon), text);
            })
        .orElse(null);
  }

  /**
   * Clears the message once shown.
   *
   * @param response the page
   * @param <T> the body type
   * @return the response
   */
  public static <T> MutableHttpResponse<T> clear(MutableHttpResponse<T> response) {
    return response.cookie(
        Cookie.of(COOKIE, "")
            .httpOnly(true)
            .secure(true)
            .sameSite(SameSite.Strict)
            .path("/")
            .maxAge(0));
  }
}
