package ai.agentlens.web.tls;

import ai.agentlens.web.auth.RequestOrigin;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.net.URI;

/**
 * With built-in HTTPS on ({@link TlsSettings}): a request that did not come over HTTPS (the
 * redirect listener of {@code agentlens.tls.redirect-port}) is answered with {@code 308 Permanent
 * Redirect} to the same path and query on the HTTPS port, before any route or authentication sees
 * it; HTTPS responses carry {@code Strict-Transport-Security}. The redirect goes to {@code
 * agentlens.public-url} when that is an {@code https} URL, else to the host the request named (a
 * plain host only, {@code localhost} otherwise).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE)
@Requires(property = TlsSettings.ENABLED, value = "true")
public class TlsFilter {

  private final RequestOrigin origin;
  private final int httpsPort;
  private final String hsts;

  TlsFilter(
      RequestOrigin origin,
      @Value("${" + TlsSettings.HTTPS_PORT + "}") int httpsPort,
      @Value("${" + TlsSettings.HSTS_MAX_AGE + ":" + TlsSettings.DEFAULT_HSTS_MAX_AGE + "}")
          long maxAge) {
    this.origin = origin;
    this.httpsPort = httpsPort;
    this.hsts = maxAge > 0 ? "max-age=" + maxAge : null;
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> redirectPlainHttp(HttpRequest<?> request) {
    if (origin.isHttps(request)) {
      return null;
    }
    return HttpResponse.status(HttpStatus.PERMANENT_REDIRECT)
        .header(HttpHeaders.LOCATION, httpsUrl(request));
  }

  @ResponseFilter
  void strictTransportSecurity(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (hsts != null && origin.isHttps(request)) {
      response.getHeaders().set("Strict-Transport-Security", hsts);
    }
  }

  private String httpsUrl(HttpRequest<?> request) {
    URI uri = request.getUri();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    String publicUrl = origin.publicUrl().orElse("");
    if (publicUrl.startsWith("https://")) {
      return publicUrl + target;
    }
    String host = origin.hostName(request).orElse("localhost");
    return "https://" + host + (httpsPort == 443 ? "" : ":" + httpsPort) + target;
  }
}
