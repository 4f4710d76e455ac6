package ai.agentlens.api;

import static ai.agentlens.api.SdkRequests.batch;
import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.plan.Plan;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The read API's query parameters as the SDKs send them (reference §3.5), against {@link
 * ReadFixture}'s known answers, on both launchers: lists, order, search, time ranges, paging,
 * session totals and filters, 400 with {@code details} for unknown values, the session shapes each
 * SDK declares (idle reported as active plus {@code idle:true}), and isolation from another org
 * whose data looks the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ReadApiContract {

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
  void load() throws Exception {
    stack = start(Map.of());
    api = new Api(stack.url());
    Tenants tenants = new Tenants(stack);
    org = ReadFixture.load(tenants, api);
    other = tenants.create(Plan.PRO, null);
    String lookalike =
        "{\"sessionId\":\"r-alpha\",\"agentId\":\"agent-a\",\"eventType\":\"session_started\","
            + "\"payload\":{\"tags\":[\"prod\"],\"note\":\"Shoes 50%_off\"}}";
    assertThat(api.post("/api/events", other.key(), batch(lookalike)).status()).isEqualTo(202);
    api.await(
        "/api/sessions",
        other.key(),
        r -> r.json().get("total").asInt() == 1,
        Duration.ofSeconds(5));
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  private JsonNode get(String query) {
    Api.Reply r = api.get(query, org.key());
    assertThat(r.status()).as(query + " → " + r.raw()).isEqualTo(200);
    return r.json();
  }

  private long total(String query) {
    return get(query).get("total").asLong();
  }

  private static List<String> field(JsonNode list, String name) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.get(name).asText()));
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void eventTypeAndSeverityTakeCommaListsAndRepeatedParameters() {
    assertThat(total("/api/events?eventType=llm_call,llm_response")).isEqualTo(2);
    assertThat(total("/api/events?eventType=llm_call&eventType=llm_response")).isEqualTo(2);
    assertThat(total("/api/events?eventType=session_started")).isEqualTo(4);
    assertThat(total("/api/events?severity=warn,error,critical")).isEqualTo(3);
    assertThat(
            field(get("/api/events?severity=error,critical&order=asc").get("events"), "severity"))
        .containsExactly("error", "critical");
    assertThat(total("/api/events?eventType=custom&severity=debug,warn")).isEqualTo(2);
    assertThat(total("/api/events?agentId=agent-b")).isEqualTo(5);
    assertThat(total("/api/events?sessionId=r-alpha&eventType=tool_call,session_ended"))
        .isEqualTo(2);
  }

  @Test
  void orderIsNewestFirstByDefaultAndOldestFirstWithAsc() {
    List<String> desc = field(get("/api/events?sessionId=r-alpha").get("events"), "eventType");
    assertThat(desc)
        .containsExactly(
            "session_ended", "custom", "llm_response", "llm_call", "tool_call", "session_started");
    assertThat(field(get("/api/events?sessionId=r-alpha&order=asc").get("events"), "eventType"))
        .containsExactly(
            "session_started", "tool_call", "llm_call", "llm_response", "custom", "session_ended");
    assertThat(
            field(
                get("/api/events?sessionId=r-alpha&order=desc&limit=1").get("events"), "eventType"))
        .containsExactly("session_ended");
  }

  @Test
  void searchFindsLiteralTextInPayloadOrMetadataIgnoringCase() {
    assertThat(total("/api/events?search=" + enc("hello world"))).isEqualTo(1);
    assertThat(total("/api/events?search=" + enc("shoes 50%_OFF"))).isEqualTo(1);
    assertThat(total("/api/events?search=" + enc("%"))).as("% matches only itself").isEqualTo(2);
    assertThat(total("/api/events?search=" + enc("%_"))).as("_ matches only itself").isEqualTo(1);
    assertThat(total("/api/events?search=otlp_metric")).as("metadata").isEqualTo(1);
    assertThat(total("/api/events?search=nothing-like-this")).isZero();
    assertThat(total("/api/events?search=" + enc("say hi") + "&eventType=llm_response")).isZero();
  }

  @Test
  void timeRangesPagingAndExcludeMetrics() {
    assertThat(total("/api/events?from=2026-11-21T00:00:00Z&to=2026-11-22T00:00:00Z")).isEqualTo(3);
    assertThat(total("/api/events?from=" + enc("2026-11-21T01:00:00+01:00") + "&to=2026-11-22"))
        .isEqualTo(3);
    // the Java SDK does not encode the query: its '+' arrives as a space
    assertThat(total("/api/events?from=2026-11-21T01:00:00+01:00&to=2026-11-22T00:00:00Z"))
        .isEqualTo(3);
    assertThat(total("/api/events?excludeMetrics=true")).isEqualTo(ReadFixture.EVENTS - 1);
    assertThat(total("/api/events?excludeMetrics=false")).isEqualTo(ReadFixture.EVENTS);
    JsonNode last = get("/api/events?limit=5&offset=10");
    assertThat(last.get("events")).hasSize(3);
    assertThat(last.get("total").asInt()).isEqualTo(ReadFixture.EVENTS);
    assertThat(last.get("hasMore").asBoolean()).isFalse();
    assertThat(get("/api/events?limit=5").get("hasMore").asBoolean()).isTrue();
    assertThat(get("/api/events?limit=9999").get("events")).hasSize(ReadFixture.EVENTS);
  }

  @Test
  void sessionsHaveATotalAndFilterByStatusTagsTimeAndAgent() {
    JsonNode all = get("/api/sessions");
    assertThat(all.get("total").asInt()).isEqualTo(4);
    assertThat(field(all.get("sessions"), "id"))
        .containsExactly("r-delta", "r-gamma", "r-beta", "r-alpha");
    assertThat(ids("/api/sessions?status=completed")).containsExactly("r-alpha");
    assertThat(ids("/api/sessions?status=completed,error")).containsExactly("r-beta", "r-alpha");
    assertThat(ids("/api/sessions?status=idle")).containsExactly("r-gamma");
    assertThat(ids("/api/sessions?status=active")).containsExactly("r-delta", "r-gamma");
    assertThat(ids("/api/sessions?status=idle&status=error")).containsExactly("r-gamma", "r-beta");
    assertThat(ids("/api/sessions?tags=prod")).containsExactly("r-gamma", "r-alpha");
    assertThat(ids("/api/sessions?tags=dev,eu")).containsExactly("r-beta", "r-alpha");
    assertThat(ids("/api/sessions?tags=none")).isEmpty();
    assertThat(ids("/api/sessions?from=2026-11-21T00:00:00Z"))
        .containsExactly("r-delta", "r-gamma", "r-beta");
    assertThat(ids("/api/sessions?to=2026-11-22T00:00:00Z")).containsExactly("r-beta", "r-alpha");
    assertThat(ids("/api/sessions?agentId=agent-a&tags=prod&status=idle"))
        .containsExactly("r-gamma");
    JsonNode page = get("/api/sessions?limit=1&offset=1");
    assertThat(field(page.get("sessions"), "id")).containsExactly("r-gamma");
    assertThat(page.get("total").asInt()).isEqualTo(4);
    assertThat(page.get("hasMore").asBoolean()).isTrue();
    assertThat(get("/api/sessions?status=completed,error").get("total").asInt()).isEqualTo(2);
    assertThat(get("/api/sessions?countOnly=true").toString()).isEqualTo("{\"count\":4}");
    assertThat(get("/api/sessions?countOnly=true&tags=prod").get("count").asInt()).isEqualTo(2);
  }

  private List<String> ids(String query) {
    JsonNode reply = get(query);
    assertThat(reply.get("total").asInt()).as(query).isEqualTo(reply.get("sessions").size());
    return field(reply.get("sessions"), "id");
  }

  @Test
  void sessionsFitTheShapesEverySdkDeclares() {
    JsonNode reply = get("/api/sessions");
    // Python SessionQueryResult: sessions, total (required), hasMore
    assertThat(reply.get("total").isIntegralNumber()).isTrue();
    assertThat(reply.get("hasMore").isBoolean()).isTrue();
    for (JsonNode s : reply.get("sessions")) {
      // Python SessionStatus = active | completed | error (no idle); TS adds idle; Java/Go: string
      assertThat(s.get("status").asText()).as(s.toString()).isIn("active", "completed", "error");
      for (String text : List.of("id", "agentId", "startedAt", "lastEventAt")) {
        assertThat(s.get(text).isTextual()).as(text).isTrue();
      }
      for (String number :
          List.of(
              "eventCount",
              "toolCallCount",
              "errorCount",
              "llmCallCount",
              "totalInputTokens",
              "totalOutputTokens")) {
        assertThat(s.get(number).isIntegralNumber()).as(number).isTrue();
      }
      assertThat(s.get("totalCostUsd").isNumber()).isTrue();
      assertThat(s.get("tags").isArray()).isTrue();
      assertThat(s.get("idle").isBoolean()).isTrue();
      // Java SDK: startedAt/endedAt are java.time.Instant
      Instant.parse(s.get("startedAt").asText());
      if (s.has("endedAt")) {
        Instant.parse(s.get("endedAt").asText());
      }
    }
    JsonNode gamma = get("/api/sessions/r-gamma");
    assertThat(gamma.get("status").asText()).isEqualTo("active");
    assertThat(gamma.get("idle").asBoolean()).isTrue();
    assertThat(gamma.get("lastEventAt").asText()).isEqualTo("2026-11-22T10:01:00.000Z");
    assertThat(get("/api/sessions/r-delta").get("idle").asBoolean()).isFalse();
    assertThat(get("/api/sessions/r-alpha").get("status").asText()).isEqualTo("completed");
    assertThat(get("/api/sessions/r-beta").get("status").asText()).isEqualTo("error");
  }

  @Test
  void unknownValuesAre400WithDetailsNamingEachParameter() {
    Api.Reply events =
        api.get(
            "/api/events?eventType=llm_call,bogus&severity=loud&order=sideways&limit=ten"
                + "&offset=x&excludeMetrics=maybe&from=yesterday",
            org.key());
    assertThat(events.status()).isEqualTo(400);
    assertThat(events.json().get("status").asInt()).isEqualTo(400);
    assertThat(events.json().get("error").asText()).isEqualTo("Invalid query");
    assertThat(field(events.json().get("details"), "path"))
        .containsExactlyInAnyOrder(
            "eventType", "severity", "order", "limit", "offset", "excludeMetrics", "from");
    assertThat(events.json().get("details").get(0).get("message").asText())
        .contains("'bogus'")
        .contains("llm_response");
    Api.Reply sessions =
        api.get("/api/sessions?status=active,sleeping&countOnly=yes&to=later", org.key());
    assertThat(sessions.status()).isEqualTo(400);
    assertThat(field(sessions.json().get("details"), "path"))
        .containsExactlyInAnyOrder("status", "countOnly", "to");
  }

  @Test
  void anotherOrgsLookalikeDataNeverShowsAndItsKeySeesNoneOfOurs() {
    assertThat(ids("/api/sessions?tags=prod")).containsExactly("r-gamma", "r-alpha");
    assertThat(total("/api/events?search=" + enc("50%_off"))).isEqualTo(1);
    assertThat(get("/api/sessions/r-alpha").get("tags").toString()).isEqualTo("[\"prod\",\"eu\"]");
    JsonNode theirs = api.get("/api/sessions?tags=prod,dev,eu", other.key()).json();
    assertThat(theirs.get("total").asInt()).isEqualTo(1);
    assertThat(
            api.get("/api/events?eventType=llm_call,llm_response", other.key())
                .json()
                .get("total")
                .asInt())
        .isZero();
    assertThat(
            api.get("/api/sessions?countOnly=true&status=completed,error", other.key())
                .json()
                .get("count")
                .asInt())
        .isZero();
    assertThat(api.get("/api/sessions/r-beta", other.key()).status()).isEqualTo(404);
  }
}
