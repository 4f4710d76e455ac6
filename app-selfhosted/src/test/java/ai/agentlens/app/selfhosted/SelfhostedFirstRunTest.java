package ai.agentlens.app.selfhosted;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Self-hosted's first run (issue 19), as the launcher starts by default (no SMTP): while no user
 * exists the dashboard sends to "create the owner account", which signs the owner in and goes to
 * onboarding without any mail; after that the page is gone, and a later sign-up verifies by mail,
 * the "check your e-mail" page naming the outbox folder the mail was written to.
 */
class SelfhostedFirstRunTest {

  private static final String PASSWORD = "Correct-Horse-9";

  @TempDir Path temp;

  private final HttpClient http = HttpClient.newHttpClient();
  private String base;

  @Test
  void theOwnerIsCreatedInTheDashboardThenSignUpsVerifyByMailFromTheOutbox() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path dir = temp.resolve("data");
    base = "http://127.0.0.1:" + port;
    try (var context = ServeCommand.start(new SelfhostedConfig(port, dir))) {
      assertThat(get("/sign-in", null).headers().firstValue("Location")).contains("/setup");
      assertThat(get("/sign-up", null).headers().firstValue("Location")).contains("/setup");

      HttpResponse<String> created =
          submit("/setup", "displayName=Owner&email=owner%40example.com&password=" + PASSWORD);
      assertThat(created.statusCode()).as(created.body()).isBetween(300, 399);
      assertThat(created.headers().firstValue("Location")).contains("/onboarding");
      String session = cookie(created, "al_session");
      HttpResponse<String> onboarding = get("/onboarding", session);
      assertThat(onboarding.statusCode()).as(onboarding.body()).isEqualTo(200);

      assertThat(get("/setup", null).headers().firstValue("Location")).contains("/sign-in");
      assertThat(get("/sign-in", null).statusCode()).isEqualTo(200);
      HttpResponse<String> again =
          submit("/setup", "displayName=Eve&email=eve%40example.com&password=" + PASSWORD);
      assertThat(again.headers().firstValue("Location")).contains("/sign-in");

      HttpResponse<String> signedUp =
          submit("/sign-up", "displayName=Ada&email=ada%40example.com&password=" + PASSWORD);
      assertThat(signedUp.statusCode()).as(signedUp.body()).isEqualTo(200);
      Path outbox = dir.toAbsolutePath().normalize().resolve("outbox");
      assertThat(signedUp.body())
          .contains("Check your e-mail")
          .contains("No mail server is configured")
          .contains(outbox.toString());
      try (var mails = Files.list(outbox)) {
        assertThat(mails.filter(f -> f.toString().endsWith(".eml")).toList())
            .as("the owner got no mail; the later sign-up one")
            .hasSize(1);
      }
    }
  }

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Loads the form page for its token, then posts the fields with it, as a browser does. */
  private HttpResponse<String> submit(String path, String fields) throws Exception {
    HttpResponse<String> page = get(path, null);
    String formCookie = cookie(page, "al_form");
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
    if (formCookie == null || !csrf.find()) {
      return page; // why: not a form (a redirect); the caller asserts on it
    }
    String body =
        "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&" + fields;
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Cookie", formCookie)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String cookie(HttpResponse<String> r, String name) {
    return r.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.split(";", 2)[0])
        .findFirst()
        .orElse(null);
  }
}
