package ai.agentlens.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * A dashboard client as a browser acts: keeps the cookies the server sets (also the Secure ones, as
 * a browser on https would), echoes the CSRF cookie in {@code X-CSRF-Token}, and comes from its own
 * IP address (sent as {@code X-Forwarded-For}, which the test stacks trust) so lockout tests of one
 * client never lock another out.
 */
public final class Browser {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final String ip;
  private boolean sendCsrf = true;
  private String bearer;

  /**
   * Creates a client with a random IP address.
   *
   * @param base the server's base URL
   */
  public Browser(String base) {
    this(base, randomIp());
  }

  /**
   * Creates a client.
   *
   * @param base the server's base URL
   * @param ip its IP address
   */
  public Browser(String base, String ip) {
    this.base = base;
    this.ip = ip;
  }

  /**
   * Returns a random documentation-range address.
   *
   * @return e.g. {@code 10.1.2.3}
   */
  public static String randomIp() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
  }

  /**
   * Returns a copy for another server with the same cookies and IP (a load balancer in front of two
   * instances).
   *
   * @param otherBase the other server
   * @return the copy
   */
  public Browser on(String otherBase) {
    Browser b = new Browser(otherBase, ip);
    b.cookies.putAll(cookies);
    return b;
  }

  /** Stops sending the CSRF header (to prove it is required). */
  public Browser withoutCsrf() {
    sendCsrf = false;
    return this;
  }

  /** Sends an API key instead of (or besides) the cookies. */
  public Browser withBearer(String key) {
    bearer = key;
    return this;
  }

  /** Forgets the cookies. */
  public Browser withoutCookies() {
    cookies.clear();
    return this;
  }

  /**
   * Returns every cookie value this browser holds (session, CSRF), e.g. to prove none is logged.
   *
   * @return the values
   */
  public java.util.Collection<String> cookieValues() {
    return List.copyOf(cookies.values());
  }

  /**
   * Returns a cookie value.
   *
   * @param name the cookie
   * @return its value, or {@code null}
   */
  public String cookie(String name) {
    return cookies.get(name);
  }

  /**
   * Sends a GET as {@link #send} does: with this browser's IP, cookies and CSRF token.
   *
   * @param path the path
   * @return the reply
   */
  public Api.Reply get(String path) {
    return send("GET", path, null);
  }

  /**
   * Sends a POST as {@link #send} does: with this browser's IP, cookies and CSRF token.
   *
   * @param path the path
   * @param body the JSON body (serialized by Jackson)
   * @return the reply
   */
  public Api.Reply post(String path, Object body) {
    return send("POST", path, body);
  }

  /**
   * Sends a PUT as {@link #send} does: with this browser's IP, cookies and CSRF token.
   *
   * @param path the path
   * @param body the JSON body (serialized by Jackson)
   * @return the reply
   */
  public Api.Reply put(String path, Object body) {
    return send("PUT", path, body);
  }

  /**
   * Sends a PATCH as {@link #send} does: with this browser's IP, cookies and CSRF token.
   *
   * @param path the path
   * @param body the JSON body (serialized by Jackson)
   * @return the reply
   */
  public Api.Reply patch(String path, Object body) {
    return send("PATCH", path, body);
  }

  /**
   * Sends a DELETE as {@link #send} does: with this browser's IP, cookies and CSRF token.
   *
   * @param path the path
   * @return the reply
   */
  public Api.Reply delete(String path) {
    return send("DELETE", path, null);
  }

  /**
   * Sends a request.
   *
   * @param method the method
   * @param path the path
   * @param body a JSON-serializable body (a String is sent as is), or {@code null}
   * @return the reply
   */
  public Api.Reply send(String method, String path, Object body) {
    try {
      String text =
          body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(30))
              .header("X-Forwarded-For", ip)
              .method(
                  method,
                  text == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(text));
      if (text != null) {
        b.header("Content-Type", "application/json");
      }
      if (!cookies.isEmpty()) {
        b.header(
            "Cookie",
            cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; ")));
      }
      if (sendCsrf && cookies.containsKey("al_csrf")) {
        b.header("X-CSRF-Token", cookies.get("al_csrf"));
      }
      if (bearer != null) {
        b.header("Authorization", "Bearer " + bearer);
      }
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      for (String c : r.headers().allValues("Set-Cookie")) {
        String pair = c.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String name = pair.substring(0, eq).trim();
        String value = pair.substring(eq + 1).trim();
        if (value.isEmpty() || c.toLowerCase().contains("max-age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
      return new Api.Reply(r.statusCode(), r.body(), r);
    } catch (Exception e) {
      throw new AssertionError(method + " " + path + " failed", e);
    }
  }

  /**
   * Returns every Set-Cookie header of a reply.
   *
   * @param reply the reply
   * @return the headers
   */
  public static List<String> setCookies(Api.Reply reply) {
    return reply.response().headers().allValues("Set-Cookie");
  }

  /**
   * Reads JSON.
   *
   * @param reply the reply
   * @return the tree
   */
  public static JsonNode json(Api.Reply reply) {
    return reply.json();
  }
}
