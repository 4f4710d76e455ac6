package ai.agentlens.web.dashboard.support;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Carries a just-created API key from the create form's redirect to the keys page that shows it
 * once (post/redirect/get): a one-minute HTTP-only, SameSite=Strict cookie scoped to {@code
 * /org/keys}, cleared by the page that shows it, so reloading that page neither re-posts the form
 * nor shows the key again. The browser receives the key in the page anyway; the cookie only moves
 * it across one redirect, and keeps it out of the URL and off the server, which stays stateless.
 */
public final class NewKeyFlash {

  /** The cookie's name. */
  public static final String COOKIE = "al_new_key";

  private static final String PATH = "/org/keys";

  /**
   * A key to show once.
   *
   * @param name the key's name
   * @param secret the full key
   */
  public record NewKey(String name, String secret) {}

  private NewKeyFlash() {}

  /**
   * Leaves the key for the page the response redirects to.
   *
   * @param response the redirect
   * @param name the key's name
   * @param secret the full key
   * @param <T> the body type
   * @return the response
   */
  public static <T> MutableHttpResponse<T> set(
      MutableHttpResponse<T> response, String name, String secret) {
    String value =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString((secret + "\n" + name).getBytes(StandardCharsets.UTF_8));
    return response.cookie(cookie(value).maxAge(Duration.ofMinutes(1)));
  }

  /**
   * Reads the key a request carries.
   *
   * @param request the request
   * @return the key, when one is waiting to be shown
   */
  public static Optional<NewKey> read(HttpRequest<?> request) {
    return request
        .getCookies()
        .findCookie(COOKIE)
        .map(Cookie::getValue)
        .filter(v -> !v.isEmpty())
        .flatMap(NewKeyFlash::decode);
  }

  private static Optional<NewKey> decode(String value) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
      int nl = text.indexOf('\n');
      return nl <= 0
          ? Optional.empty()
          : Optional.of(new NewKey(text.substring(nl + 1), text.substring(0, nl)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Clears the key once shown.
   *
   * @param response the page
   * @param <T> the body type
   * @return the response
   */
  public static <T> MutableHttpResponse<T> clear(MutableHttpResponse<T> response) {
    return response.cookie(cookie("").maxAge(Duration.ZERO));
  }

  private static Cookie cookie(String value) {
    return Cookie.of(COOKIE, value)
        .httpOnly(true)
        .secure(true)
        .sameSite(SameSite.Strict)
        .path(PATH);
  }
}
