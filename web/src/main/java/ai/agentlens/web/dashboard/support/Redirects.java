package ai.agentlens.web.dashboard.support;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Redirects of the dashboard: 303 See Other after a form, and only ever to local paths. */
public final class Redirects {

  private Redirects() {}

  /**
   * Redirects to a local path (anything else becomes {@code /}, so a crafted {@code next} parameter
   * cannot send a user to another site).
   *
   * @param path the target
   * @return a 303 response
   */
  public static MutableHttpResponse<Object> to(String path) {
    return HttpResponse.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, local(path));
  }

  /**
   * Keeps a path only when it is local to this server.
   *
   * @param path a candidate
   * @return the path, or {@code /}
   */
  public static String local(String path) {
    if (path == null
        || !path.startsWith("/")
        || path.startsWith("//")
        || path.startsWith("/\\")
        // why: browsers strip tab and newline inside URLs, so "/\t/evil.com" is "//evil.com"
        || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return "/";
    }
    return path;
  }

  /**
   * URL-encodes a query value.
   *
   * @param value the value
   * @return the encoded value
   */
  public static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }
}
