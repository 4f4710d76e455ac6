package ai.agentlens.web.auth;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One place decides whether cookies are {@code Secure}: every cookie is written with the flag, and
 * this filter removes it from the {@code Set-Cookie} headers of responses to requests for which
 * {@link RequestOrigin#secureCookies} says no (plain HTTP with {@code
 * agentlens.cookies.secure=auto}, or {@code never}). {@code HttpOnly}, {@code SameSite} and the
 * rest stay as they were written.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CookieSecurityFilter {

  private static final Pattern SECURE = Pattern.compile("(?i);\\s*Secure(?=\\s*(;|$))");

  private final RequestOrigin origin;

  CookieSecurityFilter(RequestOrigin origin) {
    this.origin = origin;
  }

  @ResponseFilter
  void secureFollowsTheRequest(HttpRequest<?> request, MutableHttpResponse<?> response) {
    List<String> cookies = response.getHeaders().getAll(HttpHeaders.SET_COOKIE);
    if (cookies.isEmpty() || origin.secureCookies(request)) {
      return;
    }
    response.getHeaders().remove(HttpHeaders.SET_COOKIE);
    for (String cookie : cookies) {
      response.getHeaders().add(HttpHeaders.SET_COOKIE, SECURE.matcher(cookie).replaceAll(""));
    }
  }
}
