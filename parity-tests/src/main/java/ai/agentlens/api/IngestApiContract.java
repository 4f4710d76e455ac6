package ai.agentlens.api;

import static ai.agentlens.api.SdkRequests.batch;
import static ai.agentlens.api.SdkRequests.session;
import static ai.agentlens.api.SdkRequests.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.EventStore;
import ai.agentlens.core.port.storage.UsageLedger;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The ingest and read APIs as the AgentLens SDKs use them, run unchanged against both launchers
 * (NFR-27, FR-92): 202 with ids, queryable within seconds with their session and a valid chain,
 * idempotent on client ids, status codes and limits as the reference defines them.
 *
 * <p>Each launcher module runs it through a tiny subclass in its own {@code src/test} that starts
 * itself ({@link TestStack}).
 */
public abstract class IngestApiContract extends LauncherApiSuite {

  @Test
  void acceptedEventsAreQueryableWithTheirSessionAndTimelineWithinFiveSeconds() throws Exception {
    Tenant t = tenants.create(Plan.PRO, null);
    String s = session();
    Api.Reply accepted =
        api.post("/api/events", t.key(), batch(toolCall(s, null), toolCall(s, null)));
    assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
    assertThat(accepted.json().get("accepted").asInt()).isEqualTo(2);
    String id = accepted.json().get("events").get(0).get("id").asText();
    assertThat(id).hasSize(26);

    Api.Reply event =
        api.await("/api/events/" + id, t.key(), r -> r.status() == 200, Duration.ofSeconds(5));
    assertThat(event.status()).isEqualTo(200);
    JsonNode e = event.json();
    assertThat(e.get("sessionId").asText()).isEqualTo(s);
    assertThat(e.get("timestamp").asText()).isEqualTo("2026-11-22T09:00:00.000Z");
    assertThat(e.get("severity").asText()).isEqualTo("info");
    assertThat(e.get("payload").get("arguments").get("q").asText()).isEqualTo("shoes");
    assertThat(e.get("hash").asText()).hasSize(64);

    Api.Reply sessionReply =
        api.await(
            "/api/sessions/" + s,
            t.key(),
            r -> r.status() == 200 && r.json().get("eventCount").asInt() == 2,
            Duration.ofSeconds(5));
    assertThat(sessionReply.json().get("eventCount").asInt()).isEqualTo(2);
    assertThat(sessionReply.json().get("toolCallCount").asInt()).isEqualTo(2);
    assertThat(sessionReply.json().get("status").asText()).isIn("active", "idle");

    JsonNode timeline = api.get("/api/sessions/" + s + "/timeline", t.key()).json();
    assertThat(timeline.get("events")).hasSize(2);
    assertThat(timeline.get("chainValid").asBoolean()).isTrue();
    assertThat(timeline.get("events").get(1).get("prevHash").asText())
        .isEqualTo(timeline.get("events").get(0).get("hash").asText());

    JsonNode agents = api.get("/api/agents", t.key()).json().get("agents");
    assertThat(agents).extracting(a -> a.get("id").asText()).containsExactly("agent-1");
    assertThat(api.get("/api/agents/agent-1", t.key()).status()).isEqualTo(200);
    JsonNode list =
        api.get("/api/events?sessionId=" + s + "&eventType=tool_call&limit=1", t.key()).json();
    assertThat(list.get("total").asInt()).isEqualTo(2);
    assertThat(list.get("events")).hasSize(1);
    assertThat(list.get("hasMore").asBoolean()).isTrue();
  }

  @Test
  void singleEventFormAndTheBatchEndpoint() throws Exception {
    Tenant t = tenants.create(Plan.PRO, null);
    assertThat(api.post("/v1/events", t.key(), toolCall(session(), null)).status()).isEqualTo(202);
    Api.Reply batch = api.post("/v1/events/batch", t.key(), batch(toolCall(session(), null)));
    assertThat(batch.status()).isEqualTo(202);
    List<String> hundredOne = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      hundredOne.add(toolCall(session(), null));
    }
    Api.Reply tooMany =
        api.post("/v1/events/batch", t.key(), batch(hundredOne.toArray(String[]::new)));
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().get("details").get(0).get("message").asText())
        .isEqualTo("must hold 1 to 100 events (got 101)");
  }

  @Test
  void badRequestsAre400WithDetailsNever500() {
    Tenant t = tenants.create(Plan.PRO, null);
    Api.Reply malformed = api.post("/api/events", t.key(), "{\"events\":[{");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("error").asText()).isEqualTo("Invalid JSON body");
    Api.Reply invalid =
        api.post(
            "/api/events",
            t.key(),
            batch("{\"sessionId\":\"s\",\"eventType\":\"tool_call\",\"payload\":{}}"));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().get("status").asInt()).isEqualTo(400);
    assertThat(invalid.json().get("details"))
        .extracting(d -> d.get("path").asText())
        .contains("events.0.agentId", "events.0.payload.toolName");
    Api.Reply serverOnly =
        api.post(
            "/api/events",
            t.key(),
            batch(
                "{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"human_score\",\"payload\":{}}"));
    assertThat(serverOnly.status()).isEqualTo(400);
    assertThat(api.get("/api/events?from=yesterday", t.key()).status()).isEqualTo(400);
  }

  @Test
  void missingMalformedUnknownAndRevokedKeysAre401() throws Exception {
    String body = batch(toolCall(session(), null));
    Api.Reply missing = api.post("/api/events", null, body);
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.json().get("error").asText()).isEqualTo("Authentication required");
    assertThat(api.post("/api/events", "als_" + "0".repeat(64), body).json().get("error").asText())
        .isEqualTo("Invalid or revoked API key");
    assertThat(api.post("/api/events", "al_live_" + "x".repeat(32), body).status()).isEqualTo(401);
    assertThat(api.get("/api/events", null).status()).isEqualTo(401);

    Tenant t = tenants.create(Plan.PRO, null);
    assertThat(api.post("/api/events", t.key(), body).status()).isEqualTo(202);
    tenants.revoke(t.orgId(), t.key());
    Instant revokedAt = Instant.now();
    Api.Reply after =
        api.await("/api/events", t.key(), r -> r.status() == 401, Duration.ofSeconds(6));
    assertThat(after.status()).isEqualTo(401);
    assertThat(Duration.between(revokedAt, Instant.now()))
        .as("revocation effective within 5 s (FR-18)")
        .isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void bodiesOverOneMebibyteAre413() {
    Tenant t = tenants.create(Plan.PRO, null);
    String big =
        batch(
            "{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"custom\",\"payload\":{\"type\":\"t\",\"data\":{\"x\":\""
                + "y".repeat(1_100_000)
                + "\"}}}");
    Api.Reply reply = api.post("/api/events", t.key(), big);
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json().get("error").asText()).isEqualTo("Request body too large");
  }

  @Test
  void overTheKeyRateLimitIs429WithRetryAfter() {
    Tenant t = tenants.create(Plan.PRO, 10);
    String s = session();
    List<String> ten = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ten.add(toolCall(s, null));
    }
    assertThat(api.post("/api/events", t.key(), batch(ten.toArray(String[]::new))).status())
        .isEqualTo(202);
    Api.Reply limited = api.post("/api/events", t.key(), batch(toolCall(s, null)));
    assertThat(limited.status()).isEqualTo(429);
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 6L);
    assertThat(limited.json().get("error").asText()).contains("10 events per minute per API key");
  }

  @Test
  void theOrgLimitCapsAllKeysTogether() {
    Tenant t = tenants.create(Plan.FREE, null);
    String second = tenants.addKey(t.orgId(), null);
    List<String> sixty = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      sixty.add(toolCall(session(), null));
    }
    assertThat(api.post("/api/events", t.key(), batch(sixty.toArray(String[]::new))).status())
        .isEqualTo(202);
    Api.Reply limited = api.post("/api/events", second, batch(sixty.toArray(String[]::new)));
    assertThat(limited.status()).as("Free org limit of 100/min across both keys").isEqualTo(429);
    assertThat(limited.json().get("error").asText()).contains("per organization");
  }

  @Test
  void freeOrgsStopAtTheirMonthlyQuotaWith402() throws Exception {
    Tenant t = tenants.create(Plan.FREE, null);
    Instant now = stack.bean(Clock.class).now();
    List<Event> used = new ArrayList<>();
    for (int i = 0; i < 9_990; i++) {
      used.add(
          Event.unwritten(
              "pre-" + i,
              t.orgId(),
              "bulk",
              "agent-1",
              EventType.CUSTOM,
              Severity.INFO,
              now,
              "{\"type\":\"t\",\"data\":{}}",
              "{}"));
    }
    stack.bean(EventStore.class).append(new EventBatch(t.orgId(), null, used));
    List<String> twenty = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      twenty.add(toolCall(session(), null));
    }
    Api.Reply refused = api.post("/api/events", t.key(), batch(twenty.toArray(String[]::new)));
    assertThat(refused.status()).isEqualTo(402);
    assertThat(refused.json().get("error").asText())
        .startsWith("Monthly event quota of 10,000 reached for the free plan");
    assertThat(
            api.post("/api/events", t.key(), batch(twenty.subList(0, 10).toArray(String[]::new)))
                .status())
        .isEqualTo(202);
    // AC-11: exactly 10,000 are in; one more is refused
    assertThat(api.post("/api/events", t.key(), batch(toolCall(session(), null))).status())
        .isEqualTo(402);
  }

  @Test
  void anOrgsKeyNeverSeesAnotherOrgsData() throws Exception {
    Tenant a = tenants.create(Plan.PRO, null);
    Tenant b = tenants.create(Plan.PRO, null);
    String s = session();
    String id =
        api.post("/api/events", b.key(), batch(toolCall(s, null)))
            .json()
            .get("events")
            .get(0)
            .get("id")
            .asText();
    assertThat(
            api.await("/api/events/" + id, b.key(), r -> r.status() == 200, Duration.ofSeconds(5))
                .status())
        .isEqualTo(200);
    assertThat(api.get("/api/events/" + id, a.key()).status()).isEqualTo(404);
    assertThat(api.get("/api/sessions/" + s, a.key()).status()).isEqualTo(404);
    assertThat(api.get("/api/sessions/" + s + "/timeline", a.key()).status()).isEqualTo(404);
    assertThat(api.get("/api/agents/agent-1", a.key()).status()).isEqualTo(404);
    assertThat(api.get("/api/events", a.key()).json().get("total").asInt()).isZero();
    assertThat(api.get("/api/sessions", a.key()).json().get("sessions")).isEmpty();
    assertThat(api.get("/api/agents", a.key()).json().get("agents")).isEmpty();
  }

  @Test
  void aReplayedRequestWithClientIdsStoresEachEventOnce() throws Exception {
    Tenant t = tenants.create(Plan.PRO, null);
    String s = session();
    String body =
        batch(toolCall(s, "evt-" + UUID.randomUUID()), toolCall(s, "evt-" + UUID.randomUUID()));
    assertThat(api.post("/api/events", t.key(), body).status()).isEqualTo(202);
    Api.Reply again = api.post("/api/events", t.key(), body);
    assertThat(again.status()).isEqualTo(202);
    api.await("/api/sessions/" + s, t.key(), r -> r.status() == 200, Duration.ofSeconds(5));
    Thread.sleep(300);
    assertThat(api.get("/api/events?sessionId=" + s, t.key()).json().get("total").asInt())
        .isEqualTo(2);
    assertThat(api.get("/api/sessions/" + s, t.key()).json().get("eventCount").asInt())
        .isEqualTo(2);
  }

  @Test
  void usageCountsEqualAcceptedEventsExactly() throws Exception {
    Tenant t = tenants.create(Plan.PRO, null);
    int accepted = 0;
    for (int r = 0; r < 5; r++) {
      List<String> events = new ArrayList<>();
      for (int i = 0; i <= r; i++) {
        events.add(toolCall(session(), null));
      }
      accepted +=
          api.post("/api/events", t.key(), batch(events.toArray(String[]::new)))
              .json()
              .get("accepted")
              .asInt();
    }
    int expected = accepted;
    Instant from = Instant.now().minus(Duration.ofDays(1));
    Instant to = Instant.now().plus(Duration.ofDays(1));
    UsageLedger ledger = stack.bean(UsageLedger.class);
    Instant deadline = Instant.now().plusSeconds(5);
    while (ledger.total(t.orgId(), from, to) < expected && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
    }
    assertThat(ledger.total(t.orgId(), from, to)).isEqualTo(15).isEqualTo(expected);
  }

  @Test
  void concurrentRequestsToOneSessionKeepOneValidChain() throws Exception {
    Tenant t = tenants.create(Plan.PRO, null);
    String s = session();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> replies = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      replies.add(
          pool.submit(
              () ->
                  api.post("/api/events", t.key(), batch(toolCall(s, null), toolCall(s, null)))
                      .status()));
    }
    for (Future<Integer> f : replies) {
      assertThat(f.get()).isEqualTo(202);
    }
    pool.shutdown();
    Api.Reply session =
        api.await(
            "/api/sessions/" + s,
            t.key(),
            r -> r.status() == 200 && r.json().get("eventCount").asInt() == 48,
            Duration.ofSeconds(10));
    assertThat(session.json().get("eventCount").asInt()).isEqualTo(48);
    JsonNode timeline = api.get("/api/sessions/" + s + "/timeline", t.key()).json();
    assertThat(timeline.get("chainValid").asBoolean()).isTrue();
    for (int i = 0; i < 48; i++) {
      assertThat(timeline.get("events").get(i).get("sequence").asInt()).isEqualTo(i + 1);
    }
  }

  @Test
  void overTheQueueDepthThresholdIs503WithRetryAfter() {
    try (TestStack busy = start(Map.of("agentlens.ingest.max-queue-depth", "-1"))) {
      Tenant t = new Tenants(busy).create(Plan.PRO, null);
      Api.Reply reply =
          new Api(busy.url()).post("/api/events", t.key(), batch(toolCall(session(), null)));
      assertThat(reply.status()).isEqualTo(503);
      assertThat(reply.header("Retry-After")).isEqualTo("1");
      assertThat(reply.json().get("error").asText()).contains("depth threshold");
      // refused before the body is parsed: at saturation parsing only to refuse cost the most
      Api.Reply unparsed = new Api(busy.url()).post("/api/events", t.key(), "{\"events\": [");
      assertThat(unparsed.status()).isEqualTo(503);
      assertThat(unparsed.header("Retry-After")).isEqualTo("1");
      // authentication still comes first
      assertThat(new Api(busy.url()).post("/api/events", "al_live_nope", "{}").status())
          .isEqualTo(401);
    }
  }
}
