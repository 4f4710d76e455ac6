package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.memory.EmbeddingModels;
import ai.agentlens.core.memory.MemoryIndexer;
import ai.agentlens.core.memory.model.EmbeddingFilter;
import ai.agentlens.core.memory.model.EmbeddingMatch;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.memory.EmbeddingModel;
import ai.agentlens.core.port.memory.EmbeddingStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The embedding worker end to end on a launcher (docs/memory.md, "Embeddings"), run unchanged
 * against both: events ingested through the API are embedded with the launcher's default in-process
 * model and stored for their own org only; the embedding meters move; session summaries go through
 * the same worker; with {@code AGENTLENS_EMBEDDING_PROVIDER=none} nothing is embedded and the
 * holder says embeddings are off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EmbeddingIndexingApiContract {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Duration EVENTUALLY = Duration.ofSeconds(30);

  /**
   * Starts the launcher under test in this JVM, on fresh storage of its own.
   *
   * @param extra Micronaut properties this start needs on top of the launcher's defaults
   * @return the running launcher; the suite closes it
   */
  protected abstract TestStack start(Map<String, Object> extra);

  private final String token = "metrics-" + UUID.randomUUID();
  private TestStack stack;

  @BeforeAll
  void startStack() {
    stack =
        start(
            Map.of(
                "agentlens.metrics.token",
                token,
                "agentlens.embedding.flush-interval",
                "200ms",
                "agentlens.embedding.provider",
                "onnx"));
  }

  @AfterAll
  void stopStack() {
    stack.close();
  }

  private static String event(String session, String type, String payload) {
    return "{\"sessionId\":\""
        + session
        + "\",\"agentId\":\"agent-1\",\"eventType\":\""
        + type
        + "\",\"payload\":"
        + payload
        + "}";
  }

  @Test
  void ingestedEventsAreEmbeddedForTheirOrgOnlyAndTheMetersMove() throws Exception {
    EmbeddingModel model = stack.bean(EmbeddingModels.class).current().orElseThrow();
    assertThat(model.name()).isEqualTo("all-minilm-l6-v2-q");
    Tenant a = new Tenants(stack).create(Plan.PRO, null);
    Tenant b = new Tenants(stack).create(Plan.PRO, null);
    Api api = new Api(stack.url());
    String s = SdkRequests.session();
    Api.Reply accepted =
        api.post(
            "/api/events",
            a.key(),
            SdkRequests.batch(
                event(s, "session_started", "{}"),
                event(
                    s,
                    "tool_call",
                    "{\"toolName\":\"issue_refund\",\"callId\":\"c1\","
                        + "\"arguments\":{\"note\":\"customer gets the money back\"}}"),
                event(
                    s,
                    "tool_call",
                    "{\"toolName\":\"track_parcel\",\"callId\":\"c2\","
                        + "\"arguments\":{\"note\":\"shipping is delayed at the depot\"}}")));
    assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);

    EmbeddingStore store = stack.bean(EmbeddingStore.class);
    assertThat(eventually(() -> store.count(a.orgId()), 2)).isEqualTo(2);
    assertThat(store.count(b.orgId())).as("another org sees none of them").isZero();

    float[] query = model.embed(List.of("refund request")).get(0);
    List<EmbeddingMatch> best =
        store.nearest(
            new EmbeddingFilter(a.orgId(), model.name(), Set.of("event"), null, null, null),
            query,
            100,
            2);
    assertThat(best).hasSize(2);
    assertThat(best.get(0).embedding().text()).startsWith("tool_call: issue_refund(");
    assertThat(best.get(0).embedding().sessionId()).isEqualTo(s);
    assertThat(
            store.nearest(
                new EmbeddingFilter(b.orgId(), model.name(), Set.of(), null, null, null),
                query,
                100,
                10))
        .isEmpty();

    Api.Reply recalled = api.get("/api/recall?query=refund%20request&scope=events", a.key());
    assertThat(recalled.status()).as(recalled.raw()).isEqualTo(200);
    assertThat(recalled.json().get("results").get(0).get("text").asText())
        .as("the real model puts the money-back event first")
        .startsWith("tool_call: issue_refund(");
    assertThat(recalled.json().get("results").get(0).get("metadata").get("embeddingModel").asText())
        .isEqualTo("all-minilm-l6-v2-q");
    Api.Reply other = api.get("/api/recall?query=refund%20request", b.key());
    assertThat(other.json().get("totalResults").asInt()).as("another org").isZero();

    Prometheus p = Prometheus.parse(scrape());
    assertThat(p.sum("agentlens_embedding_embedded_total", Map.of())).isGreaterThanOrEqualTo(2);
    assertThat(p.sum("agentlens_embedding_available", Map.of())).isEqualTo(1);
    assertThat(p.names())
        .contains(
            "agentlens_embedding_backlog",
            "agentlens_embedding_ranked_in_database",
            "agentlens_embedding_dropped_total",
            "agentlens_embedding_failed_total");
  }

  @Test
  void contextFindsEndedSessionsByMeaningThroughTheirEmbeddedSummaries() throws Exception {
    Tenant a = new Tenants(stack).create(Plan.PRO, null);
    Api api = new Api(stack.url());
    String refund = SdkRequests.session();
    String parcel = SdkRequests.session();
    for (String[] s :
        List.of(
            new String[] {
              refund, "issue_refund", "customer gets the money back for a broken kettle"
            },
            new String[] {parcel, "track_parcel", "shipping is delayed at the depot"})) {
      Api.Reply r =
          api.post(
              "/api/events",
              a.key(),
              SdkRequests.batch(
                  event(s[0], "session_started", "{}"),
                  event(
                      s[0],
                      "tool_call",
                      "{\"toolName\":\""
                          + s[1]
                          + "\",\"callId\":\"c1\",\"arguments\":{\"note\":\""
                          + s[2]
                          + "\"}}"),
                  event(s[0], "session_ended", "{\"reason\":\"completed\"}")));
      assertThat(r.status()).as(r.raw()).isEqualTo(202);
    }
    EmbeddingStore store = stack.bean(EmbeddingStore.class);
    EmbeddingModel model = stack.bean(EmbeddingModels.class).current().orElseThrow();
    EmbeddingFilter sessions =
        new EmbeddingFilter(a.orgId(), model.name(), Set.of("session"), null, null, null);
    float[] probe = model.embed(List.of("refund")).get(0);
    assertThat(eventually(() -> (long) store.nearest(sessions, probe, 100, 10).size(), 2))
        .as("both session summaries embedded")
        .isEqualTo(2);

    Api.Reply context = api.get("/api/context?topic=money%20back%20for%20a%20refund", a.key());
    assertThat(context.status()).as(context.raw()).isEqualTo(200);
    assertThat(context.json().get("sessions").get(0).get("sessionId").asText()).isEqualTo(refund);
    assertThat(context.json().get("source").asText()).isEqualTo("semantic");
  }

  @Test
  void sessionSummariesGoThroughTheSameWorker() throws Exception {
    Tenant a = new Tenants(stack).create(Plan.PRO, null);
    MemoryIndexer indexer = stack.bean(MemoryIndexer.class);
    assertThat(
            indexer.indexSession(
                a.orgId(), "s-sum", "agent-1", "the customer asked for a refund", Instant.now()))
        .isTrue();
    EmbeddingStore store = stack.bean(EmbeddingStore.class);
    assertThat(eventually(() -> store.count(a.orgId()), 1)).isEqualTo(1);
  }

  @Test
  void withEmbeddingsOffNothingIsEmbedded() throws Exception {
    try (TestStack off = start(Map.of("agentlens.embedding.provider", "none"))) {
      assertThat(off.bean(EmbeddingModels.class).available()).isFalse();
      Tenant t = new Tenants(off).create(Plan.PRO, null);
      Api api = new Api(off.url());
      String s = SdkRequests.session();
      assertThat(
              api.post("/api/events", t.key(), SdkRequests.batch(SdkRequests.toolCall(s, null)))
                  .status())
          .isEqualTo(202);
      Api.Reply stored =
          api.await(
              "/api/sessions/" + s + "/timeline",
              t.key(),
              r -> r.status() == 200 && r.json().path("events").size() == 1,
              Duration.ofSeconds(10));
      assertThat(stored.status()).isEqualTo(200);
      Thread.sleep(500);
      assertThat(off.bean(MemoryIndexer.class).stats().embedded()).isZero();
      assertThat(off.bean(MemoryIndexer.class).stats().backlog()).isZero();
      assertThat(off.bean(EmbeddingStore.class).count(t.orgId())).isZero();
    }
  }

  private static long eventually(LongSupplier read, long want) throws InterruptedException {
    long deadline = System.nanoTime() + EVENTUALLY.toNanos();
    long n = read.getAsLong();
    while (n < want && System.nanoTime() < deadline) {
      Thread.sleep(100);
      n = read.getAsLong();
    }
    return n;
  }

  private String scrape() throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(stack.url() + "/metrics"))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }
}
