package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A server reached over plain HTTP by a LAN name (issue 19): with {@code
 * agentlens.cookies.secure=auto} cookies are {@code Secure} exactly when the request is HTTPS
 * (directly, or {@code X-Forwarded-Proto: https} from a trusted proxy), so Chromium — which drops
 * {@code Secure} cookies over HTTP except on localhost — can sign in at {@code
 * http://agentlens.lan:<port>}. The name is mapped to 127.0.0.1 inside the browser ({@code
 * --host-resolver-rules}); no traffic leaves the loopback interface.
 *
 * <p>Each launcher module runs it through a tiny subclass in its own {@code src/test}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RequiresChromium
public abstract class LanSelfHostingContract {

  private static final String LAN_NAME = "agentlens.lan";

  /**
   * Starts the launcher under test in this JVM, on fresh storage of its own.
   *
   * @param extra Micronaut properties this start needs on top of the launcher's defaults
   * @return the running launcher; the suite closes it
   */
  protected abstract TestStack start(Map<String, Object> extra);

  /**
   * Names the launcher for screenshot folders.
   *
   * @return e.g. {@code selfhosted}
   */
  protected abstract String launcher();

  private TestStack stack;
  private Mailbox mail;
  private Accounts accounts;
  private Chromium chromium;

  @BeforeAll
  void startAll() {
    if (!Chromium.installed()) {
      return;
    }
    mail = new Mailbox();
    Map<String, Object> props = new HashMap<>(AccountStack.testProperties(mail.port()));
    props.put("agentlens.cookies.secure", "auto");
    props.put("agentlens.http.trusted-proxies", "127.0.0.1");
    stack = start(props);
    accounts = new Accounts(stack, mail);
    chromium =
        new Chromium(launcher(), List.of("--host-resolver-rules=MAP " + LAN_NAME + " 127.0.0.1"));
  }

  @AfterAll
  void stopAll() {
    if (chromium != null) {
      chromium.close();
    }
    if (stack != null) {
      stack.close();
    }
    if (mail != null) {
      mail.close();
    }
  }

  @Test
  void cookiesAreSecureExactlyWhenTheRequestIsHttpsThroughATrustedProxy() throws Exception {
    Accounts.Person p = accounts.signedIn("cookie");
    String body = "{\"email\":\"" + p.email() + "\",\"password\":\"" + Accounts.PASSWORD + "\"}";
    List<String> plain = login(body, null).headers().allValues("Set-Cookie");
    assertThat(plain).isNotEmpty();
    assertThat(plain)
        .allSatisfy(
            c -> {
              assertThat(c).doesNotContainIgnoringCase("secure");
              assertThat(c).contains("SameSite=Strict");
            });
    assertThat(plain)
        .anySatisfy(c -> assertThat(c).startsWith("al_session=").containsIgnoringCase("HttpOnly"));
    List<String> proxied = login(body, "https").headers().allValues("Set-Cookie");
    assertThat(proxied).isNotEmpty().allSatisfy(c -> assertThat(c).contains("Secure"));
  }

  @Test
  void mailLinksPointWhereTheRequestCameFromWhenNoPublicUrlIsSet() throws Exception {
    Accounts.Person p = accounts.signedIn("links");
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(stack.url() + "/api/auth/password-reset"))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", Browser.randomIp())
                    .header("X-Forwarded-Proto", "https")
                    .header("X-Forwarded-Host", "lens.example.org")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + p.email() + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
    assertThat(mail.await(p.email(), "Reset"))
        .contains("https://lens.example.org/reset-password?token=");
  }

  @Test
  void signInOverPlainHttpByALanNameWorksInChromium() {
    Accounts.Person p = accounts.signedIn("lan");
    Page page = chromium.newPage();
    String base = "http://" + LAN_NAME + ":" + stack.port();
    page.navigate(base + "/sign-in");
    page.getByLabel("E-mail address").fill(p.email());
    page.getByLabel("Password").fill(Accounts.PASSWORD);
    page.locator("form[action='/sign-in'] button[type=submit]").click();
    page.waitForURL(Pattern.compile(".*/orgs/new$"));
    List<Cookie> cookies = page.context().cookies();
    assertThat(cookies).anySatisfy(c -> assertThat(c.name).isEqualTo("al_session"));
    assertThat(cookies).allSatisfy(c -> assertThat(c.secure).isFalse());
    chromium.screenshot(page, "lan-signed-in");
    page.context().close();
  }

  /** The control: had the server marked the cookies Secure, Chromium would have dropped them. */
  @Test
  void theSameSignInFailsWhenTheServerMarksCookiesSecure() {
    Accounts.Person p = accounts.signedIn("control");
    Page page = chromium.newPage();
    BrowserContext context = page.context();
    // why: as if a trusted proxy had said the request was HTTPS, while the browser sees plain HTTP
    context.setExtraHTTPHeaders(Map.of("X-Forwarded-Proto", "https"));
    page.navigate("http://" + LAN_NAME + ":" + stack.port() + "/sign-in");
    page.getByLabel("E-mail address").fill(p.email());
    page.getByLabel("Password").fill(Accounts.PASSWORD);
    page.locator("form[action='/sign-in'] button[type=submit]").click();
    assertThat(page.getByText("This form has expired").count()).isEqualTo(1);
    assertThat(context.cookies()).noneSatisfy(c -> assertThat(c.name).isEqualTo("al_session"));
    context.close();
  }

  private HttpResponse<String> login(String body, String forwardedProto) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(stack.url() + "/api/auth/login"))
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", Browser.randomIp())
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (forwardedProto != null) {
      b.header("X-Forwarded-Proto", forwardedProto);
    }
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r;
  }
}
