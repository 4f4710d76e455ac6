package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sign-in attempts per client address (issue 19), on top of the per-account and per-address
 * lockout: one address gets {@code agentlens.auth.sign-in-attempts-per-minute} password attempts,
 * whatever the accounts and whether they succeed, then {@code 429} with {@code Retry-After} on the
 * JSON API and on the sign-in page (with a message saying so); other addresses are unaffected. The
 * address comes from {@code X-Forwarded-For} only through a trusted proxy, read from the right, so
 * a client writing its own entry at the left does not escape. Self-hosted counts in memory, cloud
 * in Redis.
 *
 * <p>Each launcher module runs it through a tiny subclass in its own {@code src/test}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SignInThrottleContract {

  private static final int LIMIT = 5;
  private static final String FORM_TOKEN = "t".repeat(43);

  /**
   * Starts the launcher under test in this JVM, on fresh storage of its own.
   *
   * @param extra Micronaut properties this start needs on top of the launcher's defaults
   * @return the running launcher; the suite closes it
   */
  protected abstract TestStack start(Map<String, Object> extra);

  private TestStack stack;
  private Mailbox mail;
  private Accounts accounts;

  @BeforeAll
  void startStack() {
    mail = new Mailbox();
    Map<String, Object> props = new HashMap<>(AccountStack.testProperties(mail.port()));
    props.put("agentlens.auth.sign-in-attempts-per-minute", LIMIT);
    stack = start(props);
    accounts = new Accounts(stack, mail);
  }

  @AfterAll
  void stopStack() {
    if (stack != null) {
      stack.close();
    }
    if (mail != null) {
      mail.close();
    }
  }

  @Test
  void oneAddressGetsItsAttemptsAcrossAccountsThen429WithRetryAfter() {
    Accounts.Person person = accounts.signedIn("throttled");
    Browser attacker = new Browser(stack.url(), Browser.randomIp());
    for (int i = 0; i < LIMIT; i++) {
      Api.Reply wrong = login(attacker, Accounts.email("guess" + i), "Wrong-Password-1");
      assertThat(wrong.status()).as(wrong.raw()).isEqualTo(401);
    }
    Api.Reply refused = login(attacker, person.email(), Accounts.PASSWORD);
    assertThat(refused.status()).as("even right credentials wait").isEqualTo(429);
    assertThat(refused.json().get("status").asInt()).isEqualTo(429);
    assertThat(refused.json().get("error").asText()).startsWith("Too many sign-in attempts");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
    Api.Reply elsewhere =
        login(new Browser(stack.url(), Browser.randomIp()), person.email(), Accounts.PASSWORD);
    assertThat(elsewhere.status()).as("another address is not throttled").isEqualTo(200);
  }

  @Test
  void aForwardedForEntryTheClientWroteItselfDoesNotMakeANewAddress() throws Exception {
    String ip = Browser.randomIp();
    for (int i = 0; i <= LIMIT; i++) {
      HttpResponse<String> r =
          send(
              HttpRequest.newBuilder(URI.create(stack.url() + "/api/auth/login"))
                  // why: the client's own made-up entry first, the one our proxy appended last
                  .header("X-Forwarded-For", Browser.randomIp() + ", " + ip)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"email\":\""
                              + Accounts.email("spoof")
                              + "\",\"password\":\"Wrong-Password-1\"}")));
      assertThat(r.statusCode())
          .as("attempt %d: %s", i + 1, r.body())
          .isEqualTo(i < LIMIT ? 401 : 429);
    }
  }

  @Test
  void theSignInPageSaysWhyAndWhenWith429() throws Exception {
    String ip = Browser.randomIp();
    Browser same = new Browser(stack.url(), ip);
    for (int i = 0; i < LIMIT; i++) {
      assertThat(login(same, Accounts.email("page" + i), "Wrong-Password-1").status())
          .isEqualTo(401);
    }
    String form =
        "_csrf="
            + FORM_TOKEN
            + "&email="
            + URLEncoder.encode(Accounts.email("page"), StandardCharsets.UTF_8)
            + "&password=Wrong-Password-1&next=%2F";
    HttpResponse<String> page =
        send(
            HttpRequest.newBuilder(URI.create(stack.url() + "/sign-in"))
                .header("X-Forwarded-For", ip)
                .header("Cookie", "al_form=" + FORM_TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    assertThat(page.statusCode()).as(page.body()).isEqualTo(429);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("Too many sign-in attempts from your network address");
    assertThat(Long.parseLong(page.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 60L);
  }

  private static Api.Reply login(Browser b, String email, String password) {
    return b.post("/api/auth/login", Map.of("email", email, "password", password));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
