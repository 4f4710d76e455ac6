package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Redirect targets a visitor can choose never leave the site (issue 19): the {@code next} of the
 * sign-in page (already signed in, and after a password sign-in) and the {@code returnTo} of the
 * org switcher, given absolute URLs, scheme-relative URLs, backslash tricks, {@code javascript:},
 * whitespace a browser strips, and their percent-encoded forms. Every {@code Location} must be a
 * path on this server as a browser reads it (no {@code //} or {@code /\} start, no control
 * characters). OAuth takes no redirect parameter: its callback goes to {@code
 * agentlens.oauth.success-redirect}, which the operator sets.
 *
 * <p>Each launcher module runs it through a tiny subclass in its own {@code src/test}.
 */
public abstract class OffsiteRedirectContract extends AccountStack {

  /** What a visitor might put in {@code next}, as the server receives it (decoded once). */
  static final List<String> HOSTILE =
      List.of(
          "//evil.com",
          "///evil.com",
          "https://evil.com",
          "http://evil.com/sign-in",
          "HTTPS://EVIL.COM",
          "/\\evil.com",
          "\\\\evil.com",
          "\\/evil.com",
          "/\t/evil.com",
          "/\n/evil.com",
          "/\r\nLocation: https://evil.com",
          " //evil.com",
          "\t//evil.com",
          "javascript:alert(1)",
          "JaVaScRiPt:alert(document.cookie)",
          "data:text/html,<script>alert(1)</script>",
          "https:evil.com",
          "//evil.com@agentlens.local",
          "%2F%2Fevil.com",
          "%2f%2fevil.com",
          "%2F%5Cevil.com",
          "%5C%5Cevil.com",
          "https%3A%2F%2Fevil.com",
          "javascript%3Aalert(1)",
          "/\u007f/evil.com");

  @Test
  void signInPageNextStaysOnSiteForASignedInVisitor() {
    Accounts.Person p = accounts.signedIn("next-get");
    for (String next : HOSTILE) {
      Api.Reply r = p.browser().get("/sign-in?next=" + encode(next));
      assertThat(r.status()).as("next=%s", next).isEqualTo(303);
      assertLocal(r.header("Location"), next);
    }
    Api.Reply fine = p.browser().get("/sign-in?next=" + encode("/sessions?agent=a"));
    assertThat(fine.header("Location")).as("a local next is kept").isEqualTo("/sessions?agent=a");
  }

  @Test
  void nextAfterAPasswordSignInStaysOnSite() throws Exception {
    Accounts.Person p = accounts.signedIn("next-post");
    for (String next : HOSTILE) {
      HttpResponse<String> r =
          form(
              "/sign-in",
              Map.of("email", p.email(), "password", Accounts.PASSWORD, "next", next),
              "");
      assertThat(r.statusCode()).as("next=%s: %s", next, r.body()).isEqualTo(303);
      assertLocal(r.headers().firstValue("Location").orElse(null), next);
    }
  }

  @Test
  void theOrgSwitcherReturnsOnlyToItsOwnSections() throws Exception {
    Accounts.OrgOf org = accounts.org("redirects");
    Browser b = org.owner().browser();
    String csrf = b.cookie("al_csrf");
    String cookies = "al_session=" + b.cookie("al_session") + "; al_csrf=" + csrf;
    for (String back : HOSTILE) {
      HttpResponse<String> r =
          form("/switch-org", Map.of("_csrf", csrf, "orgId", org.id(), "returnTo", back), cookies);
      assertThat(r.statusCode()).as("returnTo=%s: %s", back, r.body()).isEqualTo(303);
      assertLocal(r.headers().firstValue("Location").orElse(null), back);
    }
  }

  /** A {@code Location} a browser resolves to this server, whatever it strips or rewrites. */
  private static void assertLocal(String location, String given) {
    assertThat(location).as("Location for %s", given).isNotNull().startsWith("/");
    assertThat(location.length() > 1 ? location.charAt(1) : 'x')
        .as("Location %s for %s", location, given)
        .isNotIn('/', '\\');
    assertThat(location.chars().noneMatch(c -> c < 0x20 || c == 0x7f))
        .as("no control characters in %s", location)
        .isTrue();
    assertThat(location.toLowerCase(java.util.Locale.ROOT))
        .as("Location for %s", given)
        .doesNotContain("evil.com");
  }

  private HttpResponse<String> form(String path, Map<String, String> fields, String cookies)
      throws Exception {
    String token = "f".repeat(43);
    StringBuilder body = new StringBuilder(fields.containsKey("_csrf") ? "" : "_csrf=" + token);
    for (Map.Entry<String, String> f : fields.entrySet()) {
      body.append(body.length() == 0 ? "" : "&")
          .append(f.getKey())
          .append('=')
          .append(encode(f.getValue()));
    }
    String cookie = cookies.isEmpty() ? "al_form=" + token : cookies;
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(stack.url() + path))
                .timeout(Duration.ofSeconds(30))
                // why: a fresh address per attempt keeps the sign-in throttle out of this test
                .header("X-Forwarded-For", Browser.randomIp())
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
