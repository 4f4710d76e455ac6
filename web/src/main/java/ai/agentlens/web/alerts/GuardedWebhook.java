package ai.agentlens.web.alerts;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Posts JSON to a user-supplied URL the guarded way (DESIGN: outbound calls): {@code http}/{@code
 * https} only, no redirects, 10 s connect and request timeouts, and every address the host resolves
 * to must be public unless the operator allows private targets (loopback, private, link-local,
 * unique-local, CGNAT, multicast and wildcard addresses are refused). The host is checked just
 * before the request; DNS that changes between check and connect is not defended against.
 */
final class GuardedWebhook {

  /** The time limit of connect and of the whole request. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** A refused or failed post; the message names no URL (it may hold a token). */
  static final class WebhookException extends Exception {
    private static final long serialVersionUID = 1L;

    WebhookException(String message) {
      super(message, null, false, false);
    }
  }

  private final boolean allowPrivate;
  private final HttpClient http;

  GuardedWebhook(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Posts a JSON body.
   *
   * @param url the target
   * @param json the body
   * @throws WebhookException when refused, unreachable, timed out or answered with a non-2xx status
   */
  void post(String url, String json) throws WebhookException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new WebhookException("invalid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new WebhookException("only http and https URLs are allowed");
    }
    if (!allowPrivate) {
      refusePrivate(uri.getHost());
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
      if (status < 200 || status > 299) {
        throw new WebhookException("webhook answered HTTP " + status);
      }
    } catch (java.net.http.HttpTimeoutException e) {
      throw new WebhookException("webhook timed out after 10 s");
    } catch (IOException e) {
      throw new WebhookException("webhook unreachable: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WebhookException("interrupted");
    }
  }

  private static void refusePrivate(String host) throws WebhookException {
    InetAddress[] all;
    try {
      all = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new WebhookException("webhook host does not resolve");
    }
    for (InetAddress a : all) {
      if (isPrivate(a)) {
        throw new WebhookException("webhook target is a loopback or private address (refused)");
      }
    }
  }

  /**
   * Tells whether an address is not publicly routable.
   *
   * @param a the address
   * @return {@code true} for loopback, wildcard, link-local, site-local, multicast, IPv6
   *     unique-local (fc00::/7) and CGNAT (100.64.0.0/10) addresses
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
