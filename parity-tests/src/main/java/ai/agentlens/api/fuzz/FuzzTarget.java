package ai.agentlens.api.fuzz;

import ai.agentlens.api.Accounts;
import ai.agentlens.api.Api;
import ai.agentlens.api.Browser;
import ai.agentlens.api.Mailbox;
import ai.agentlens.api.TestStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A launcher under fuzzing: its stack, mailbox, an ingest key of an unlimited org, and an org with
 * its signed-in Owner for the management routes. Requests time out after {@link #TIMEOUT}: a
 * timeout fails the property as a hang.
 *
 * @param stack the launcher
 * @param mail its SMTP server
 * @param key an API key of an org on the self-hosted plan (no rate limit, no quota)
 * @param org an org and its signed-in Owner
 */
public record FuzzTarget(TestStack stack, Mailbox mail, String key, Accounts.OrgOf org)
    implements AutoCloseable {

  /** The longest a reply may take before it counts as a hang. */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * POSTs raw bytes with a bearer key.
   *
   * @param path the path
   * @param bearer the key
   * @param body the bytes
   * @return the reply
   */
  public Api.Reply post(String path, String bearer, byte[] body) {
    return post(path, bearer, "application/json", body);
  }

  /**
   * Posts raw bytes with an API key and a content type.
   *
   * @param path the path
   * @param bearer the key
   * @param contentType the {@code Content-Type}
   * @param body the bytes
   * @return the reply
   */
  public Api.Reply post(String path, String bearer, String contentType, byte[] body) {
    return send(
        HttpRequest.newBuilder(URI.create(stack.url() + path))
            .header("Authorization", "Bearer " + bearer)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /**
   * Sends raw bytes to a management route: {@code METHOD /path} with {@code {org}} and {@code
   * {user}} filled in; signed in as the Owner with the CSRF token, except on {@code /api/auth/*}
   * and {@code /api/invitations/*}, which are sent anonymously from a random client address.
   *
   * @param route e.g. {@code PUT /api/orgs/{org}/settings}
   * @param body the bytes
   * @return the reply
   */
  public Api.Reply management(String route, byte[] body) {
    String[] parts = route.split(" ", 2);
    String path = parts[1].replace("{org}", org.id()).replace("{user}", org.owner().userId());
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(stack.url() + path))
            .method(parts[0], HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", "application/json");
    if (path.startsWith("/api/auth/") || path.startsWith("/api/invitations/")) {
      b.header("X-Forwarded-For", Browser.randomIp());
    } else {
      Browser owner = org.owner().browser();
      b.header(
          "Cookie",
          "al_session=" + owner.cookie("al_session") + "; al_csrf=" + owner.cookie("al_csrf"));
      b.header("X-CSRF-Token", owner.cookie("al_csrf"));
    }
    return send(b);
  }

  private static Api.Reply send(HttpRequest.Builder b) {
    HttpRequest request = b.timeout(TIMEOUT).build();
    try {
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Api.Reply(r.statusCode(), r.body(), r);
    } catch (java.net.http.HttpTimeoutException e) {
      throw new AssertionError("no reply within " + TIMEOUT + ": " + request.uri(), e);
    } catch (Exception e) {
      throw new AssertionError("request failed: " + request.uri(), e);
    }
  }

  /** Stops the launcher and the mailbox. */
  @Override
  public void close() {
    stack.close();
    mail.close();
  }
}
