package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.memory.VectorRanking;
import ai.agentlens.core.memory.model.StoredEmbedding;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.memory.EmbeddingStore;
import ai.agentlens.testing.HashingEmbeddingModel;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /api/recall} (reference §4.3.7) on both launchers, with the test kit's deterministic
 * {@link HashingEmbeddingModel} as the server's model and embeddings written through the launcher's
 * own {@link EmbeddingStore}: the closest text first with its score to 4 places and metadata,
 * scope/agent/time/limit/minScore filters, {@code scope=lessons} empty with {@code X-Deprecated},
 * 400 naming every bad parameter, 401 without a key, another org's key seeing nothing of this org,
 * and 503 with a message on a launcher that has no embedding model.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RecallApiContract {

  private static final Instant T = Instant.parse("2026-03-01T10:00:00.123456Z");
  private static final String QUERY = "refund money back";
  private static final String REFUND = "Customer wants a refund, money back now";
  private static final String SHIPPING = "Package shipping delayed by the courier";
  private static final String SUMMARY = "Session summary: refund policy questions answered";

  /**
   * Starts the launcher under test in this JVM, on fresh storage of its own.
   *
   * @param extra Micronaut properties on top of the launcher's defaults
   * @return the running launcher; the suite closes it
   */
  protected abstract TestStack start(Map<String, Object> extra);

  private TestStack stack;
  private Api api;
  private Tenant org;
  private Tenant other;

  @BeforeAll
  void load() {
    stack = start(new HashMap<>(Map.of("agentlens.test.embedding-model", "hashing")));
    api = new Api(stack.url());
    Tenants tenants = new Tenants(stack);
    org = tenants.create(Plan.PRO, null);
    other = tenants.create(Plan.PRO, null);
    float[] q = HashingEmbeddingModel.vector(QUERY);
    assertThat(VectorRanking.cosine(q, HashingEmbeddingModel.vector(SHIPPING)))
        .as("fixture: the shipping text shares no word (nor hash slot) with the query")
        .isZero();
    EmbeddingStore store = stack.bean(EmbeddingStore.class);
    store.upsert(
        List.of(
            emb(org.orgId(), "event", "evt-refund", "support", REFUND, 0),
            emb(org.orgId(), "event", "evt-shipping", "support", SHIPPING, 60),
            emb(org.orgId(), "session", "sess-1", "billing", SUMMARY, 120),
            emb(other.orgId(), "event", "evt-other", "support", QUERY, 0)));
  }

  private static StoredEmbedding emb(
      String orgId, String type, String id, String agent, String text, long seconds) {
    return new StoredEmbedding(
        orgId,
        type,
        id,
        type.equals("session") ? id : "sess-1",
        agent,
        text,
        "hash-" + id,
        HashingEmbeddingModel.NAME,
        HashingEmbeddingModel.vector(text),
        T.plusSeconds(seconds));
  }

  @AfterAll
  void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  private Api.Reply recall(String key, String params) {
    return api.get("/api/recall?" + params, key);
  }

  private static String q(String text) {
    return "query=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private JsonNode ok(Api.Reply r) {
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.json();
  }

  private static List<String> ids(JsonNode body) {
    List<String> out = new ArrayList<>();
    body.get("results").forEach(r -> out.add(r.get("sourceId").asText()));
    assertThat(body.get("totalResults").asInt()).isEqualTo(out.size());
    return out;
  }

  @Test
  void theClosestTextComesFirstWithItsScoreAndMetadata() {
    JsonNode body = ok(recall(org.key(), q(QUERY)));
    assertThat(body.get("query").asText()).isEqualTo(QUERY);
    assertThat(ids(body)).containsExactly("evt-refund", "sess-1", "evt-shipping");
    JsonNode first = body.get("results").get(0);
    assertThat(first.get("sourceType").asText()).isEqualTo("event");
    // 3 shared words of 3 and 7: 3 / sqrt(21) = 0.65465…
    assertThat(first.get("score").asDouble()).isEqualTo(0.6547);
    assertThat(first.get("text").asText()).isEqualTo(REFUND);
    assertThat(first.get("metadata").get("embeddingModel").asText())
        .isEqualTo(HashingEmbeddingModel.NAME);
    assertThat(first.get("metadata").get("createdAt").asText())
        .isEqualTo("2026-03-01T10:00:00.123456Z");
    JsonNode second = body.get("results").get(1);
    assertThat(second.get("sourceType").asText()).isEqualTo("session");
    // 1 shared word of 3 and 6: 1 / sqrt(18) = 0.23570…
    assertThat(second.get("score").asDouble()).isEqualTo(0.2357);
    assertThat(body.get("results").get(2).get("score").asDouble()).isZero();
  }

  @Test
  void scopeAgentTimeLimitAndMinScoreFilter() {
    assertThat(ids(ok(recall(org.key(), q(QUERY) + "&scope=events"))))
        .containsExactly("evt-refund", "evt-shipping");
    assertThat(ids(ok(recall(org.key(), q(QUERY) + "&scope=sessions")))).containsExactly("sess-1");
    assertThat(ids(ok(recall(org.key(), q(QUERY) + "&scope=all"))))
        .containsExactly("evt-refund", "sess-1", "evt-shipping");
    assertThat(ids(ok(recall(org.key(), q(QUERY) + "&agentId=billing")))).containsExactly("sess-1");
    assertThat(
            ids(
                ok(
                    recall(
                        org.key(),
                        q(QUERY) + "&from=2026-03-01T10:01:00.123456Z&to=2026-03-01T10:02:00Z"))))
        .containsExactly("evt-shipping");
    assertThat(ids(ok(recall(org.key(), q(QUERY) + "&limit=1")))).containsExactly("evt-refund");
    assertThat(ids(ok(recall(org.key(), q(QUERY) + "&minScore=0.2"))))
        .containsExactly("evt-refund", "sess-1");
    assertThat(ids(ok(recall(org.key(), q(QUERY) + "&minScore=0.7")))).isEmpty();
  }

  @Test
  void lessonsScopeIsEmptyAndMarkedDeprecated() {
    Api.Reply r = recall(org.key(), q(QUERY) + "&scope=lessons");
    JsonNode body = ok(r);
    assertThat(ids(body)).isEmpty();
    assertThat(body.get("query").asText()).isEqualTo(QUERY);
    assertThat(r.header("X-Deprecated")).isNotBlank();
  }

  private Map<String, String> details(Api.Reply r) {
    assertThat(r.status()).as(r.raw()).isEqualTo(400);
    JsonNode body = r.json();
    assertThat(body.get("status").asInt()).isEqualTo(400);
    Map<String, String> out = new HashMap<>();
    body.get("details").forEach(d -> out.put(d.get("path").asText(), d.get("message").asText()));
    return out;
  }

  @Test
  void badParametersAre400NamingEachOne() {
    assertThat(details(recall(org.key(), "scope=events")).keySet()).containsExactly("query");
    assertThat(details(recall(org.key(), "query=%20%20")).keySet()).containsExactly("query");
    assertThat(
            details(recall(org.key(), "limit=0&minScore=1.5&scope=lesson&from=yesterday")).keySet())
        .containsExactlyInAnyOrder("query", "limit", "minScore", "scope", "from");
    for (String bad : List.of("limit=101", "limit=x", "limit=1.5")) {
      assertThat(details(recall(org.key(), q(QUERY) + "&" + bad)).keySet())
          .containsExactly("limit");
    }
    for (String bad : List.of("minScore=-0.1", "minScore=abc", "minScore=NaN")) {
      assertThat(details(recall(org.key(), q(QUERY) + "&" + bad)).keySet())
          .containsExactly("minScore");
    }
    assertThat(
            details(
                    recall(
                        org.key(), q(QUERY) + "&from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z"))
                .keySet())
        .containsExactly("from");
  }

  @Test
  void anotherOrgsKeySeesOnlyItsOwnAndNoKeyIsRefused() {
    JsonNode body = ok(recall(other.key(), q(QUERY)));
    assertThat(ids(body)).containsExactly("evt-other");
    assertThat(body.get("results").get(0).get("score").asDouble()).isEqualTo(1.0);
    assertThat(ok(recall(other.key(), q(QUERY) + "&scope=sessions")).get("results")).isEmpty();
    assertThat(recall(null, q(QUERY)).status()).isEqualTo(401);
    assertThat(recall("al_live_" + "x".repeat(32), q(QUERY)).status()).isEqualTo(401);
  }

  @Test
  void withoutAnEmbeddingModelRecallIs503WithAMessage() {
    try (TestStack bare = start(new HashMap<>())) {
      Tenant t = new Tenants(bare).create(Plan.PRO, null);
      Api a = new Api(bare.url());
      Api.Reply r = a.get("/api/recall?" + q(QUERY), t.key());
      assertThat(r.status()).as(r.raw()).isEqualTo(503);
      assertThat(r.json().get("status").asInt()).isEqualTo(503);
      assertThat(r.json().get("error").asText()).contains("not configured");
      assertThat(a.get("/api/recall?scope=events", t.key()).status())
          .as("bad parameters are still a 400")
          .isEqualTo(400);
      assertThat(a.get("/api/recall?" + q(QUERY) + "&scope=lessons", t.key()).status())
          .as("the deprecated scope needs no model")
          .isEqualTo(200);
    }
  }
}
