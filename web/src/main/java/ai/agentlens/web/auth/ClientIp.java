package ai.agentlens.web.auth;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The client's IP address for sign-in throttling, lockout and audit entries: the socket peer, or,
 * with {@code agentlens.http.trust-forwarded-for=true} and only when the peer is one of {@code
 * agentlens.http.trusted-proxies}, the address the {@code X-Forwarded-For} chain names. The chain
 * is read from the right (the entry our own proxy appended) past every trusted proxy, so an entry
 * the client wrote itself at the left never becomes its address: a client cannot dodge per-IP
 * limits by sending a made-up header.
 */
@Singleton
public class ClientIp {

  private final boolean trustForwardedFor;
  private final RequestOrigin origin;

  @Inject
  ClientIp(
      @Value("${agentlens.http.trust-forwarded-for:false}") boolean trustForwardedFor,
      RequestOrigin origin) {
    this.trustForwardedFor = trustForwardedFor;
    this.origin = origin;
  }

  /**
   * Returns the client's address.
   *
   * @param request the request
   * @return the address, never {@code null}
   */
  public String of(HttpRequest<?> request) {
    InetSocketAddress socket = request.getRemoteAddress();
    InetAddress peer = socket == null ? null : socket.getAddress();
    if (peer == null) {
      return "unknown";
    }
    if (trustForwardedFor && origin.isTrustedProxy(peer)) {
      return forwardedFor(request).orElse(peer).getHostAddress();
    }
    return peer.getHostAddress();
  }

  /** The rightmost address of the chain that is not a trusted proxy. */
  private Optional<InetAddress> forwardedFor(HttpRequest<?> request) {
    List<String> hops = new ArrayList<>();
    for (String header : request.getHeaders().getAll("X-Forwarded-For")) {
      for (String hop : header.split(",")) {
        hops.add(hop.trim());
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<InetAddress> hop = RequestOrigin.ipLiteral(withoutPort(hops.get(i)));
      if (hop.isEmpty()) {
        // why: a malformed hop was written by whoever stands left of the last good one
        return Optional.empty();
      }
      if (!origin.isTrustedProxy(hop.get())) {
        return hop;
      }
    }
    return Optional.empty();
  }

  /** Some proxies append a port: {@code 203.0.113.9:4711}, {@code [2001:db8::1]:4711}. */
  private static String withoutPort(String hop) {
    if (hop.startsWith("[")) {
      int end = hop.indexOf(']');
      return end > 0 ? hop.substring(1, end) : hop;
    }
    int colon = hop.indexOf(':');
    return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
  }
}
