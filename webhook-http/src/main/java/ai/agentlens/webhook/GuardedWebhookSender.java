package ai.agentlens.webhook;

import ai.agentlens.core.port.alerting.WebhookSender;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

/**
 * {@link WebhookSender} on the JDK's HTTP client: {@code http}/{@code https} only, no redirects, 10
 * s connect and request timeouts, and every address the host resolves to must be public unless the
 * operator allows private targets (loopback, private, link-local, unique-local, CGNAT, multicast
 * and wildcard addresses are refused). The host is checked just before the request; DNS that
 * changes between check and connect is not defended against.
 */
public final class GuardedWebhookSender implements WebhookSender {

  /** The time limit of connect and of the whole request. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final boolean allowPrivate;
  private final HttpClient http;

  /**
   * Creates the sender.
   *
   * @param allowPrivate whether loopback and private targets are allowed (tests, trusted LANs)
   */
  public GuardedWebhookSender(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public Outcome post(String url, String json) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Outcome.failed("invalid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      return Outcome.failed("only http and https URLs are allowed");
    }
    if (!allowPrivate) {
      String refused = refusal(uri.getHost());
      if (refused != null) {
        return Outcome.failed(refused);
      }
    }
    HttpRequest req =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("User-Agent", "AgentLens-Alerts")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    try {
      int status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status >= 200 && status <= 299
          ? Outcome.OK
          : Outcome.failed("webhook answered HTTP " + status);
    } catch (HttpTimeoutException e) {
      return Outcome.failed("webhook timed out after 10 s");
    } catch (IOException e) {
      return Outcome.failed("webhook unreachable: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.failed("interrupted");
    }
  }

  private static String refusal(String host) {
    InetAddress[] all;
    try {
      all = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return "webhook host does not resolve";
    }
    for (InetAddress a : all) {
      if (isPrivate(a)) {
        return "webhook target is a loopback or private address (refused)";
      }
    }
    return null;
  }

  /**
   * Tells whether an address is not publicly routable.
   *
   * @param a the address
   * @return {@code true} for loopback, wildcard, link-local, site-local, multicast, IPv6
   *     unique-local (fc00::/7), CGNAT (100.64.0.0/10) and 0.0.0.0/8 addresses
   */
  static boolean isPrivate(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isAnyLocalAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address) {
      return (b[0] & 0xfe) == 0xfc;
    }
    return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 || (b[0] & 0xff) == 0;
  }
}
