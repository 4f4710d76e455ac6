package ai.agentlens.webhook;

import ai.agentlens.core.guardrail.action.TargetAddresses;
import ai.agentlens.core.port.WebhookSender;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@link WebhookSender} on the JDK HTTP client: http/https only, 10 s connect and response timeout,
 * no redirects, and every address the host resolves to must be public unless the operator set
 * {@code agentlens.webhooks.allow-private=true}. The check runs just before the request; a DNS
 * answer that changes between the check and the connection (rebinding) is not caught, which the
 * docs state.
 */
public final class HttpWebhookSender implements WebhookSender {

  /** Connect and response timeout. */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final Set<String> RESTRICTED =
      Set.of("host", "content-length", "connection", "expect", "upgrade", "content-type");

  private final HttpClient client;
  private final boolean allowPrivate;

  /**
   * Creates the sender.
   *
   * @param allowPrivate whether loopback/private/link-local targets are allowed
   */
  public HttpWebhookSender(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public Result post(URI url, Map<String, String> headers, String jsonBody) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      return new Result(0, "refused: only http and https URLs");
    }
    if (!allowPrivate) {
      try {
        for (InetAddress a : InetAddress.getAllByName(url.getHost())) {
          if (TargetAddresses.nonPublic(a)) {
            return new Result(0, "refused: target is not a public address");
          }
        }
      } catch (UnknownHostException e) {
        return new Result(0, "failed: unknown host");
      }
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(url)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("User-Agent", "AgentLens-Webhooks")
            .POST(HttpRequest.BodyPublishers.ofString(jsonBody));
    headers.forEach(
        (k, v) -> {
          if (!RESTRICTED.contains(k.toLowerCase(Locale.ROOT))) {
            b.header(k, v);
          }
        });
    try {
      HttpResponse<Void> r = client.send(b.build(), HttpResponse.BodyHandlers.discarding());
      return new Result(r.statusCode(), null);
    } catch (java.net.http.HttpTimeoutException e) {
      return new Result(0, "failed: timed out");
    } catch (IOException | IllegalArgumentException e) {
      return new Result(0, "failed: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(0, "failed: interrupted");
    }
  }
}
