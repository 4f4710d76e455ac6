package ai.agentlens.web.dashboard.support;

import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Security headers on every response (NFR-20): a strict Content-Security-Policy (no inline script
 * or style anywhere: every script and stylesheet is a file served by this server, from the jar or a
 * WebJar), no framing, no MIME sniffing, a same-origin referrer. HTML pages are never cached, since
 * they show one user's data.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter {

  /** The policy sent with every response. */
  public static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none';"
          + " base-uri 'self'; form-action 'self'";

  @ResponseFilter
  void headers(MutableHttpResponse<?> response) {
    var h = response.getHeaders();
    h.set("Content-Security-Policy", CSP);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    h.set("Referrer-Policy", "same-origin");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    boolean html =
        response.getContentType().map(t -> t.getName().equals(MediaType.TEXT_HTML)).orElse(false);
    if (html) {
      h.set("Cache-Control", "no-store");
    }
  }
}
