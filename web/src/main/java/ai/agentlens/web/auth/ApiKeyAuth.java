package ai.agentlens.web.auth;

import ai.agentlens.core.apikey.ApiKeyAuthenticator;
import ai.agentlens.core.apikey.ApiKeyPrincipal;
import ai.agentlens.core.apikey.KeyUsageRecorder;
import ai.agentlens.core.port.Clock;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Authenticates API-key requests ({@code Authorization: Bearer al_live_…|al_test_…}) for the ingest
 * and read APIs, and notes the key's use for {@code last_used_at}.
 */
@Singleton
public class ApiKeyAuth {

  /** The 401 message for a request without credentials. */
  public static final String MISSING = "Authentication required";

  /** The 401 message for a malformed, unknown, revoked or wrong key (reference wording). */
  public static final String INVALID = "Invalid or revoked API key";

  private final ApiKeyAuthenticator authenticator;
  private final KeyUsageRecorder usage;
  private final Clock clock;

  ApiKeyAuth(ApiKeyAuthenticator authenticator, KeyUsageRecorder usage, Clock clock) {
    this.authenticator = authenticator;
    this.usage = usage;
    this.clock = clock;
  }

  /**
   * Returns the key a request authenticated with.
   *
   * @param request the request
   * @return the principal
   * @throws UnauthorizedException when the header is missing or the key is not valid
   */
  public ApiKeyPrincipal require(HttpRequest<?> request) {
    String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      throw new UnauthorizedException(MISSING);
    }
    String credential =
        header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
    return verify(credential);
  }

  /**
   * Like {@link #require}, also accepting the key in an {@code x-api-key} header, as OpenTelemetry
   * exporters are often configured ({@code OTEL_EXPORTER_OTLP_HEADERS=x-api-key=…}); a present
   * {@code Authorization} header wins.
   *
   * @param request the request
   * @return the principal
   * @throws UnauthorizedException when both headers are missing or the key is not valid
   */
  public ApiKeyPrincipal requireBearerOrApiKey(HttpRequest<?> request) {
    String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    String apiKey = request.getHeaders().get("x-api-key");
    if ((header == null || header.isBlank()) && apiKey != null && !apiKey.isBlank()) {
      return verify(apiKey.trim());
    }
    return require(request);
  }

  private ApiKeyPrincipal verify(String credential) {
    ApiKeyPrincipal principal =
        authenticator
            .authenticate(credential)
            .orElseThrow(() -> new UnauthorizedException(INVALID));
    usage.record(principal, clock.now());
    return principal;
  }
}
