package ai.agentlens.api.routes;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Accounts.Person;
import ai.agentlens.api.Browser;
import ai.agentlens.api.routes.Expect.Caller;
import ai.agentlens.api.routes.RouteTable.Auth;
import ai.agentlens.api.routes.RouteTable.Row;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends one matrix call as a caller and checks the answer against its {@link Expect}. Pages get a
 * form body with the session's {@code _csrf}, JSON routes a JSON body with the {@code X-CSRF-Token}
 * header, so a refusal is about who calls and never about a missing token.
 */
final class RouteCalls {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final String base;
  private final RouteFixtures f;
  private final String ip = Browser.randomIp();

  RouteCalls(String base, RouteFixtures f) {
    this.base = base;
    this.f = f;
  }

  void check(Row row, Caller caller, Expect expect) throws Exception {
    String path = f.path(row.path());
    if (!row.write() && row.body() != null) {
      path += f.fill(row.path(), row.body());
    }
    HttpResponse<String> r = send(row, caller, path);
    int s = r.statusCode();
    String location = r.headers().firstValue("Location").orElse("");
    String flash =
        r.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("al_flash="))
            .findFirst()
            .orElse("");
    boolean page = row.auth() == Auth.PAGE;
    boolean redirect = s >= 300 && s < 400;
    boolean toSignIn = redirect && location.contains("/sign-in");
    boolean flashError = redirect && flash.startsWith("al_flash=error");
    String what =
        row.route()
            + " ("
            + path
            + ") as "
            + caller
            + " expected "
            + expect
            + ", got "
            + s
            + (location.isEmpty() ? "" : " → " + location)
            + (flash.isEmpty() ? "" : " [" + flash.split(";")[0] + "]")
            + ": "
            + abbreviate(r.body());
    // why: 501 is the one deliberate 5xx (a protocol route this server does not implement)
    assertThat(s < 500 || s == 501).as(what).isTrue();
    switch (expect) {
      case UNAUTHENTICATED -> assertThat(page ? toSignIn : s == 401).as(what).isTrue();
      case FORBIDDEN ->
          assertThat(s == 403 || (page && row.write() && flashError)).as(what).isTrue();
      case NOT_FOUND ->
          assertThat(s == 404 || (page && row.write() && flashError)).as(what).isTrue();
      case REFUSED -> assertThat(s).as(what).isBetween(400, 499);
      case ALLOWED -> {
        assertThat(s).as(what).isNotIn(401, 403);
        assertThat(toSignIn).as(what).isFalse();
        if (!row.write()) {
          assertThat(s).as(what).isNotEqualTo(404);
        }
      }
      case PUBLIC, ISOLATED, SKIP -> {}
    }
    if (caller != Caller.OWNER && caller != Caller.VIEWER && caller != Caller.MEMBER) {
      String seen = r.body() + " " + r.headers().map();
      for (String marker : f.markers()) {
        assertThat(seen).as(what + " shows org A's data").doesNotContain(marker);
      }
    }
  }

  private HttpResponse<String> send(Row row, Caller caller, String path) throws Exception {
    Person person =
        switch (caller) {
          case VIEWER -> f.viewerA;
          case MEMBER -> f.memberA;
          case OTHER_ORG_SESSION -> f.ownerB;
          case OWNER -> row.auth() == Auth.KEY ? null : f.ownerA;
          default -> null;
        };
    String bearer =
        switch (caller) {
          case OTHER_ORG_KEY -> f.keyB;
          case KEY_ON_SESSION_ROUTE -> f.keyA;
          case OWNER ->
              row.auth() == Auth.KEY
                  ? f.keyA
                  : row.auth() == Auth.OPERATOR_TOKEN
                      ? RouteTenantMatrixContract.OPERATOR_TOKEN
                      : null;
          default -> null;
        };
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("X-Forwarded-For", ip);
    String csrf = person == null ? null : person.browser().cookie("al_csrf");
    if (person != null) {
      b.header(
          "Cookie", "al_session=" + person.browser().cookie("al_session") + "; al_csrf=" + csrf);
      b.header("X-CSRF-Token", csrf);
    }
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
    if (row.write() && !"DELETE".equals(row.method())) {
      String text;
      if (row.auth() == Auth.PAGE && row.body() != null && row.body().startsWith("multipart:")) {
        // why: an upload form binds multipart parts; any other content type is a 415 before the
        // route's own checks run
        String boundary = "matrix-" + Long.toHexString(System.nanoTime());
        b.header("Content-Type", "multipart/form-data; boundary=" + boundary);
        StringBuilder parts = new StringBuilder();
        if (csrf != null) {
          parts.append(part(boundary, "_csrf", null, csrf));
        }
        for (String field : row.body().substring("multipart:".length()).split("&")) {
          String[] kv = field.split("=", 2);
          parts.append(part(boundary, kv[0], kv[0] + ".txt", kv.length > 1 ? kv[1] : ""));
        }
        text = parts.append("--").append(boundary).append("--\r\n").toString();
      } else if (row.auth() == Auth.PAGE) {
        b.header("Content-Type", "application/x-www-form-urlencoded");
        // why: an empty form is refused by body binding before the route's own checks run
        String fields = row.body() == null ? "matrix=1" : f.fill(row.path(), row.body());
        text =
            csrf == null
                ? fields
                : "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&" + fields;
      } else {
        b.header("Content-Type", "application/json");
        text = row.body() == null ? "{}" : f.fill(row.path(), row.body());
      }
      body = HttpRequest.BodyPublishers.ofString(text);
    }
    return HTTP.send(b.method(row.method(), body).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String part(String boundary, String name, String filename, String value) {
    return "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\""
        + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: text/plain")
        + "\r\n\r\n"
        + value
        + "\r\n";
  }

  private static String abbreviate(String body) {
    String one = body == null ? "" : body.replaceAll("\\s+", " ");
    return one.length() > 300 ? one.substring(0, 300) + "…" : one;
  }
}
