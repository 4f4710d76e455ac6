package ai.agentlens.embedding.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.port.memory.EmbeddingUnavailableException;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible adapter against WireMock: success and every error path. */
class OpenAiEmbeddingModelTest {

  private static final String KEY = "sk-test-SECRET-123456";

  private WireMockServer server;
  private OpenAiEmbeddingModel model;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    model = model(Duration.ofSeconds(5), 3);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private OpenAiEmbeddingModel model(Duration timeout, int dimension) {
    return new OpenAiEmbeddingModel(
        new OpenAiEmbeddingSettings(
            URI.create("http://127.0.0.1:" + server.port() + "/"),
            "text-embedding-3-small",
            KEY,
            timeout,
            dimension));
  }

  private void answer(int status, String body) {
    server.stubFor(
        post(urlEqualTo("/v1/embeddings"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  @Test
  void postsModelAndInputWithTheKeyAndOrdersVectorsByIndex() {
    answer(
        200,
        """
        {"object":"list","model":"text-embedding-3-small","data":[
          {"object":"embedding","index":1,"embedding":[0.4,0.5,0.6]},
          {"object":"embedding","index":0,"embedding":[0.1,0.2,0.3]}]}
        """);
    List<float[]> v = model.embed(List.of("first", "second"));
    assertThat(v).hasSize(2);
    assertThat(v.get(0)).containsExactly(0.1f, 0.2f, 0.3f);
    assertThat(v.get(1)).containsExactly(0.4f, 0.5f, 0.6f);
    server.verify(
        postRequestedFor(urlEqualTo("/v1/embeddings"))
            .withHeader("Authorization", equalTo("Bearer " + KEY))
            .withRequestBody(
                equalToJson(
                    "{\"model\":\"text-embedding-3-small\",\"input\":[\"first\",\"second\"]}")));
    assertThat(model.name()).isEqualTo("text-embedding-3-small");
    assertThat(model.dimension()).isEqualTo(3);
  }

  @Test
  void anEmptyListCallsNothing() {
    assertThat(model.embed(List.of())).isEmpty();
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void aRefusedKeyIsUnavailableWithoutTheKey() {
    answer(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}");
    assertFails("401");
  }

  @Test
  void aRateLimitIsUnavailable() {
    answer(429, "{\"error\":{\"message\":\"Rate limit reached\"}}");
    assertFails("429");
  }

  @Test
  void aServerErrorIsUnavailable() {
    answer(500, "oops");
    assertFails("500");
  }

  @Test
  void aSlowServerTimesOut() {
    server.stubFor(
        post(urlEqualTo("/v1/embeddings"))
            .willReturn(aResponse().withStatus(200).withFixedDelay(2_000).withBody("{}")));
    model = model(Duration.ofMillis(300), 3);
    assertFails("timed out");
  }

  @Test
  void malformedJsonIsUnavailable() {
    answer(200, "{\"data\":[{\"index\":0,\"embedding\":[0.1,");
    assertFails("malformed");
  }

  @Test
  void anAnswerOfTheWrongDimensionIsUnavailable() {
    answer(200, "{\"data\":[{\"index\":0,\"embedding\":[0.1,0.2]}]}");
    assertFails("2 dimensions, expected 3");
  }

  @Test
  void anAnswerWithTooFewVectorsIsUnavailable() {
    answer(200, "{\"data\":[{\"index\":0,\"embedding\":[0.1,0.2,0.3]}]}");
    assertThatThrownBy(() -> model.embed(List.of("a", "b")))
        .isInstanceOf(EmbeddingUnavailableException.class)
        .hasMessageContaining("1 vectors for 2");
  }

  @Test
  void theSettingsNeverPrintTheKeyAndABaseUrlEndingInV1IsKept() {
    OpenAiEmbeddingSettings s =
        new OpenAiEmbeddingSettings(
            URI.create("https://api.example.test/v1"), "m", KEY, Duration.ofSeconds(1), 3);
    assertThat(s.toString()).doesNotContain(KEY);
    assertThat(s.endpoint()).hasToString("https://api.example.test/v1/embeddings");
    assertThat(OpenAiEmbeddingSettings.knownDimension("text-embedding-3-large")).isEqualTo(3072);
    assertThat(OpenAiEmbeddingSettings.knownDimension("text-embedding-3-small")).isEqualTo(1536);
  }

  private void assertFails(String why) {
    assertThatThrownBy(() -> model.embed(List.of("refund request")))
        .isInstanceOf(EmbeddingUnavailableException.class)
        .hasMessageContaining(why)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain("refund"));
  }
}
