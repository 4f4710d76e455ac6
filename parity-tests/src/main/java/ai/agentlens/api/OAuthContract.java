package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Accounts.Person;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * OAuth sign-in against a real local OAuth2/OIDC server (mock-oauth2-server): Google as OIDC (ID
 * token), GitHub as plain OAuth2 (user API served by the mock's userinfo endpoint, the e-mail API
 * by a stub), on both launchers.
 *
 * <p>Each launcher module runs it through a tiny subclass in its own {@code src/test} that starts
 * itself ({@link TestStack}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OAuthContract {

  /**
   * Starts the launcher under test in this JVM, on fresh storage of its own.
   *
   * @param extra Micronaut properties this start needs on top of the launcher's defaults
   * @return the running launcher; the suite closes it
   */
  protected abstract TestStack start(Map<String, Object> extra);

  private final MockOAuth2Server idp = new MockOAuth2Server();
  private final AtomicReference<String> githubEmails = new AtomicReference<>("[]");
  private HttpServer githubApi;
  private Mailbox mail;
  private TestStack stack;
  private Accounts accounts;

  @BeforeAll
  void startAll() throws Exception {
    idp.start();
    githubApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    githubApi.createContext(
        "/user/emails",
        ex -> {
          byte[] body = githubEmails.get().getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "application/json");
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    githubApi.start();
    mail = new Mailbox();
    Map<String, Object> p = AccountStack.testProperties(mail.port());
    // why: the IdP signs ID tokens with the wall clock; the offset other suites add to the shared
    // mutable test clock (weeks, in the same JVM) would make every token look expired
    p.remove("agentlens.test.clock");
    p.put("agentlens.oauth.google.client-id", "google-client");
    p.put("agentlens.oauth.google.client-secret", "google-secret");
    p.put("agentlens.oauth.google.issuer", idp.issuerUrl("google").toString());
    p.put(
        "agentlens.oauth.google.authorization-endpoint",
        idp.authorizationEndpointUrl("google").toString());
    p.put("agentlens.oauth.google.token-endpoint", idp.tokenEndpointUrl("google").toString());
    p.put("agentlens.oauth.github.client-id", "github-client");
    p.put("agentlens.oauth.github.client-secret", "github-secret");
    p.put(
        "agentlens.oauth.github.authorization-endpoint",
        idp.authorizationEndpointUrl("github").toString());
    p.put("agentlens.oauth.github.token-endpoint", idp.tokenEndpointUrl("github").toString());
    // why: the mock insists on openid in every authorization request; real GitHub ignores it
    p.put("agentlens.oauth.github.scope", "openid read:user user:email");
    p.put("agentlens.oauth.github.user-endpoint", idp.userInfoUrl("github").toString());
    p.put(
        "agentlens.oauth.github.emails-endpoint",
        "http://127.0.0.1:" + githubApi.getAddress().getPort() + "/user/emails");
    stack = start(p);
    accounts = new Accounts(stack, mail);
  }

  @AfterAll
  void stopAll() {
    if (stack != null) {
      stack.close();
    }
    mail.close();
    githubApi.stop(0);
    idp.shutdown();
  }

  @Test
  void theSignInPageOffersTheConfiguredProviders() {
    Api.Reply page = new Api(stack.url()).get("/sign-in", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.raw())
        .contains("href=\"/api/auth/oauth/google/login\">Continue with Google")
        .contains("href=\"/api/auth/oauth/github/login\">Continue with GitHub")
        .doesNotContain("disabled");
  }

  /** Runs the browser's side of the code flow; returns the callback's reply. */
  private Api.Reply signIn(Browser b, String provider) throws Exception {
    Api.Reply start = b.get("/api/auth/oauth/" + provider + "/login");
    assertThat(start.status()).as(start.raw()).isEqualTo(302);
    HttpResponse<String> atIdp =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(start.header("Location"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(atIdp.statusCode()).as(atIdp.body()).isEqualTo(302);
    URI back = URI.create(atIdp.headers().firstValue("Location").orElseThrow());
    return b.get(back.getRawPath() + "?" + back.getRawQuery());
  }

  @Test
  void googleOidcSignInCreatesAVerifiedAccount() throws Exception {
    String email = Accounts.email("gmail");
    idp.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            "google",
            "google-sub-" + email,
            "JWT",
            List.of("google-client"),
            Map.of("email", email, "email_verified", true, "name", "Gee User"),
            3600));
    Browser b = new Browser(stack.url());
    Api.Reply done = signIn(b, "google");
    assertThat(done.status()).as(done.raw()).isIn(302, 303);
    Api.Reply me = b.get("/api/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("user").get("email").asText()).isEqualTo(email);
    assertThat(me.json().get("user").get("verified").asBoolean()).isTrue();
    assertThat(b.post("/api/orgs", Map.of("name", "From Google")).status()).isEqualTo(201);
  }

  @Test
  void githubSignInLinksToTheExistingAccountWithTheSameVerifiedEmail() throws Exception {
    Person existing = accounts.signedIn("octo");
    idp.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            "github",
            "gh-4242",
            "JWT",
            List.of("github-client"),
            Map.of("id", 4242, "login", "octocat", "name", "Octo Cat"),
            3600));
    githubEmails.set(
        "[{\"email\":\"other@example.com\",\"primary\":false,\"verified\":true},"
            + "{\"email\":\""
            + existing.email()
            + "\",\"primary\":true,\"verified\":true}]");
    Browser b = new Browser(stack.url());
    Api.Reply done = signIn(b, "github");
    assertThat(done.status()).as(done.raw()).isIn(302, 303);
    assertThat(b.get("/api/me").json().get("user").get("id").asText()).isEqualTo(existing.userId());
  }

  @Test
  void aForgedStateIsRefusedAndAnUnverifiedProviderEmailDoesNotLink() throws Exception {
    Browser b = new Browser(stack.url());
    b.get("/api/auth/oauth/google/login");
    assertThat(b.get("/api/auth/oauth/google/callback?code=x&state=forged").status())
        .isEqualTo(400);
    Person existing = accounts.signedIn("victim");
    idp.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            "google",
            "google-attacker",
            "JWT",
            List.of("google-client"),
            Map.of("email", existing.email(), "email_verified", false),
            3600));
    Api.Reply done = signIn(new Browser(stack.url()), "google");
    assertThat(done.status()).isEqualTo(400);
    assertThat(new Browser(stack.url()).get("/api/auth/oauth/unknown/login").status())
        .isEqualTo(404);
  }
}
