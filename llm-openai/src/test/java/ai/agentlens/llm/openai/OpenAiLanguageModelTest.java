package ai.agentlens.llm.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.port.llm.LanguageModel.Message;
import ai.agentlens.core.port.llm.LanguageModelException;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible chat adapter against WireMock: the request it sends and every failure. */
class OpenAiLanguageModelTest {

  private static final String KEY = "sk-test-SECRET-654321";
  private static final List<Message> ASK =
      List.of(new Message("system", "answer in JSON"), new Message("user", "refund incident"));

  private WireMockServer server;
  private OpenAiLanguageModel model;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    model = model("http://127.0.0.1:" + server.port() + "/", Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private static OpenAiLanguageModel model(String base, Duration timeout) {
    return new OpenAiLanguageModel(
        new OpenAiLanguageModelSettings(URI.create(base), "gpt-4o-mini", KEY, timeout));
  }

  private void answer(int status, String body) {
    server.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  @Test
  void postsTheModelMessagesAndLimitWithTheKeyAndAnswersTheFirstChoice() {
    answer(
        200,
        """
        {"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4o-mini","choices":[
          {"index":0,"message":{"role":"assistant","content":"{\\"summary\\":\\"s\\"}"},
           "finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":4}}
        """);
    assertThat(model.complete(ASK, 800)).isEqualTo("{\"summary\":\"s\"}");
    server.verify(
        postRequestedFor(urlEqualTo("/v1/chat/completions"))
            .withHeader("Authorization", equalTo("Bearer " + KEY))
            .withRequestBody(
                equalToJson(
                    "{\"model\":\"gpt-4o-mini\",\"max_tokens\":800,\"messages\":["
                        + "{\"role\":\"system\",\"content\":\"answer in JSON\"},"
                        + "{\"role\":\"user\",\"content\":\"refund incident\"}]}")));
    assertThat(model.name()).isEqualTo("gpt-4o-mini");
  }

  @Test
  void aServerWithoutKeyGetsNoAuthorizationHeader() {
    answer(200, "{\"choices\":[{\"message\":{\"content\":\"ok\"}}]}");
    OpenAiLanguageModel open =
        new OpenAiLanguageModel(
            new OpenAiLanguageModelSettings(
                URI.create("http://127.0.0.1:" + server.port() + "/v1"),
                "llama3",
                " ",
                Duration.ofSeconds(5)));
    assertThat(open.complete(ASK, 10)).isEqualTo("ok");
    assertThat(server.getAllServeEvents().get(0).getRequest().containsHeader("Authorization"))
        .isFalse();
  }

  @Test
  void aRefusedKeyFailsWithoutTheKey() {
    answer(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}");
    assertFails("refused the API key (HTTP 401)");
  }

  @Test
  void aRateLimitFails() {
    answer(429, "{\"error\":{\"message\":\"Rate limit reached\"}}");
    assertFails("HTTP 429");
  }

  @Test
  void aServerErrorFails() {
    answer(500, "oops");
    assertFails("answered HTTP 500");
  }

  @Test
  void aSlowServerTimesOut() {
    server.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .willReturn(aResponse().withStatus(200).withFixedDelay(2_000).withBody("{}")));
    model = model("http://127.0.0.1:" + server.port(), Duration.ofMillis(300));
    assertFails("timed out after 300 ms");
  }

  @Test
  void malformedJsonFails() {
    answer(200, "{\"choices\":[{\"message\":{\"content\":\"x");
    assertFails("malformed JSON");
  }

  @Test
  void anAnswerWithoutContentFails() {
    answer(200, "{\"choices\":[]}");
    assertFails("no message content");
    answer(200, "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":null}}]}");
    assertFails("no message content");
    answer(200, "{\"choices\":[{\"message\":\"text\"}]}");
    assertFails("no message content");
  }

  @Test
  void anUnreachableServerFails() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    model = model("http://127.0.0.1:" + port, Duration.ofSeconds(2));
    assertFails("could not be reached");
  }

  @Test
  void theSettingsNeverPrintTheKeyAndRejectBadValues() {
    OpenAiLanguageModelSettings s =
        new OpenAiLanguageModelSettings(
            URI.create("https://api.example.test/v1/"), "m", KEY, Duration.ofSeconds(1));
    assertThat(s.toString()).doesNotContain(KEY).contains("***");
    assertThat(s.endpoint()).hasToString("https://api.example.test/v1/chat/completions");
    assertThatThrownBy(
            () ->
                new OpenAiLanguageModelSettings(
                    URI.create("ftp://x"), "m", KEY, Duration.ofSeconds(1)))
        .hasMessageContaining("http or https");
    assertThatThrownBy(
            () ->
                new OpenAiLanguageModelSettings(
                    URI.create("http://x"), " ", KEY, Duration.ofSeconds(1)))
        .hasMessageContaining("must not be blank");
    assertThatThrownBy(
            () -> new OpenAiLanguageModelSettings(URI.create("http://x"), "m", KEY, Duration.ZERO))
        .hasMessageContaining("timeout");
  }

  private void assertFails(String why) {
    assertThatThrownBy(() -> model.complete(ASK, 100))
        .isInstanceOf(LanguageModelException.class)
        .hasMessageContaining(why)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain("refund"));
  }
}
