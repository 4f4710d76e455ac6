package ai.agentlens.web.auth;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * The client's IP address for lockout and audit entries: the socket peer, or, behind a trusted
 * proxy ({@code agentlens.http.trust-forwarded-for=true}), the first {@code X-Forwarded-For} entry.
 */
@Singleton
public class ClientIp {

  private final boolean trustForwardedFor;

  ClientIp(@Value("${agentlens.http.trust-forwarded-for:false}") boolean trustForwardedFor) {
    this.trustForwardedFor = trustForwardedFor;
  }

  /**
   * Returns the client's address.
   *
   * @param request the request
   * @return the address, never {@code null}
   */
  public String of(HttpRequest<?> request) {
    if (trustForwardedFor) {
      String xff = request.getHeaders().get("X-Forwarded-For");
      if (xff != null && !xff.isBlank()) {
        String first = xff.split(",")[0].trim();
        if (!first.isEmpty() && first.length() <= 45) {
          return first;
        }
      }
    }
    var address = request.getRemoteAddress().getAddress();
    return address == null ? "unknown" : address.getHostAddress();
  }
}
