package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Accounts.Person;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Request-scoped logs (docs/operations.md, "Logs"), run unchanged against both launchers: one line
 * per request with its id, method, route template, status and duration; the id is the {@code
 * X-Request-Id} response header (a sane incoming one is kept); and nothing secret in any line the
 * launcher writes while a person signs up, signs in, creates a key and ingests with prompt masking
 * on.
 */
public abstract class RequestLogContract extends AccountStack {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private LogCapture logs;

  @BeforeAll
  @Override
  void startStack() {
    logs = LogCapture.start();
    super.startStack();
  }

  @AfterAll
  @Override
  void stopStack() {
    super.stopStack();
    logs.close();
  }

  @Test
  void everyResponseCarriesAFreshRequestIdAndOneLogLine() throws Exception {
    HttpResponse<String> r = get("/api/health", null);
    String id = r.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(id).matches("[0-9A-HJKMNP-TV-Z]{26}");
    assertThat(get("/api/health", null).headers().firstValue("X-Request-Id"))
        .hasValueSatisfying(other -> assertThat(other).isNotEqualTo(id));
    assertThat(lineWith(id)).contains("GET /api/health 200").containsPattern(" \\d+\\.\\d{3}ms");
  }

  @Test
  void aSaneIncomingIdIsKeptAndTheRouteTemplateIsLoggedInsteadOfThePath() throws Exception {
    String incoming = "proxy-" + UUID.randomUUID().toString().substring(0, 8) + ".42:x_y";
    String sessionId = "sess-" + UUID.randomUUID();
    HttpResponse<String> r = get("/api/sessions/" + sessionId + "?token=t0p-s3cret", incoming);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("X-Request-Id")).hasValue(incoming);
    assertThat(lineWith(incoming)).contains("GET /api/sessions/{id} 401");
    assertThat(logs.text()).doesNotContain(sessionId).doesNotContain("t0p-s3cret");
  }

  @Test
  void anInsaneIncomingIdIsReplaced() throws Exception {
    for (String bad : List.of("x".repeat(65), "two words", "semi;colon", "")) {
      HttpResponse<String> r = get("/api/health", bad);
      assertThat(r.headers().firstValue("X-Request-Id"))
          .as(bad)
          .hasValueSatisfying(id -> assertThat(id).matches("[0-9A-HJKMNP-TV-Z]{26}"));
    }
  }

  @Test
  void noKeyPasswordCookieOrMaskedPromptInAnyLogLine() throws Exception {
    int start = logs.text().length();
    Person owner = accounts.signedIn("logs");
    String org = accounts.createOrg(owner, "Logs");
    Api.Reply masked =
        owner.browser().put("/api/orgs/" + org + "/settings", Map.of("promptMasking", true));
    assertThat(masked.status()).as(masked.raw()).isEqualTo(200);
    String key = accounts.key(org, owner).get("key").asText();
    String wrongPassword = "Wrong-Horse-" + UUID.randomUUID();
    Api.Reply failed =
        new Browser(stack.url())
            .post("/api/auth/login", Map.of("email", owner.email(), "password", wrongPassword));
    assertThat(failed.status()).isEqualTo(401);

    String prompt = "PROMPT-" + UUID.randomUUID();
    String session = SdkRequests.session();
    Api api = new Api(stack.url());
    Api.Reply ok = api.post("/api/events", key, SdkRequests.batch(llmCall(session, prompt)));
    assertThat(ok.status()).as(ok.raw()).isEqualTo(202);
    Api.Reply bad =
        api.post(
            "/api/events",
            key,
            "{\"events\":[{\"sessionId\":\""
                + session
                + "\",\"eventType\":\"llm_call\","
                + "\"payload\":{\"model\":7,\"messages\":[{\"role\":\"user\",\"content\":\""
                + prompt
                + "\"}]}}]}");
    assertThat(bad.status()).as(bad.raw()).isEqualTo(400);
    Api.Reply stored =
        api.await(
            "/api/sessions/" + session + "/timeline",
            key,
            r -> r.status() == 200 && r.raw().contains("llm_call"),
            Duration.ofSeconds(10));
    assertThat(stored.status()).as(stored.raw()).isEqualTo(200);
    assertThat(owner.browser().post("/api/auth/logout", Map.of()).status()).isLessThan(300);

    String during = logs.text().substring(start);
    assertThat(during)
        .contains("POST /api/auth/login 200")
        .contains("POST /api/auth/login 401")
        .contains("POST /api/orgs/{orgId}/keys 201")
        .contains("POST /api/events 202")
        .contains("POST /api/events 400");
    List<String> secrets = new ArrayList<>(owner.browser().cookieValues());
    secrets.addAll(List.of(Accounts.PASSWORD, wrongPassword, key, key.substring(16), prompt));
    for (String secret : secrets) {
      if (secret.length() >= 8) {
        assertThat(during).as("a secret in the logs").doesNotContain(secret);
      }
    }
  }

  private static String llmCall(String session, String prompt) {
    return "{\"sessionId\":\""
        + session
        + "\",\"agentId\":\"log-bot\",\"eventType\":\"llm_call\",\"payload\":{\"callId\":\"c1\","
        + "\"provider\":\"openai\",\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\","
        + "\"content\":\""
        + prompt
        + "\"}]}}";
  }

  private HttpResponse<String> get(String path, String requestId) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(stack.url() + path)).timeout(Duration.ofSeconds(10));
    if (requestId != null) {
      b.header("X-Request-Id", requestId);
    }
    return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The log line holding the id; the line is written when the response is, so wait briefly. */
  private String lineWith(String id) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      for (String line : logs.text().split("\n")) {
        if (line.contains(id)) {
          return line;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no log line with " + id);
  }
}
