package ai.agentlens.api;

import static ai.agentlens.api.SdkRequests.batch;
import static ai.agentlens.api.SdkRequests.session;
import static ai.agentlens.api.SdkRequests.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.event.Envelope;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.queue.DeadLetter;
import ai.agentlens.core.port.queue.EventQueue;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Poison input (issue 19): what no storage backend can hold — a NUL character (PostgreSQL {@code
 * jsonb} cannot), control characters in ids, lone surrogates (no UTF-8 form), blank ids, timestamps
 * out of range, oversized metadata — is a fast {@code 400} with details at the gateway on every
 * launcher, never a {@code 202} followed by retries and a late {@code 503}; the worker never meets
 * it; and an envelope that reaches a worker anyway is dead-lettered at once with its reason.
 *
 * <p>Each launcher module runs it through a tiny subclass in its own {@code src/test}.
 */
public abstract class PoisonInputApiContract extends LauncherApiSuite {

  /** Bodies every backend must refuse, by name; each also holds one good event before it. */
  private static Map<String, String> poison() {
    String good = toolCall(session(), null);
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("NUL in a payload string", good.replace("\"shoes\"", "\"a\\u0000b\""));
    bodies.put(
        "NUL in metadata", good.replace("\"metadata\":null", "\"metadata\":{\"k\":\"\\u0000\"}"));
    bodies.put("NUL in sessionId", toolCall("s\\u0000x", null));
    bodies.put("control character in sessionId", toolCall("s\\u0007x", null));
    bodies.put("control character in agentId", good.replace("agent-1", "agent\\u001b[31m"));
    bodies.put("lone surrogate in sessionId", toolCall("fz\\ud800", null));
    bodies.put("lone surrogate in a payload string", good.replace("\"shoes\"", "\"\\udc00\""));
    bodies.put("blank sessionId", toolCall("   ", null));
    bodies.put(
        "timestamp before 1970",
        good.replace("2026-11-22T10:00:00.000+01:00", "1969-12-31T23:59:59Z"));
    bodies.put(
        "metadata over 64 KiB",
        good.replace("\"metadata\":null", "\"metadata\":{\"k\":\"" + "m".repeat(70_000) + "\"}"));
    return bodies;
  }

  @Test
  void poisonIsAFast400WithDetailsOnEveryIngestRoute() {
    Tenant t = tenants.create(Plan.PRO, null);
    for (Map.Entry<String, String> p : poison().entrySet()) {
      for (String route : List.of("/api/events", "/v1/events/batch")) {
        String body = batch(toolCall(session(), null), p.getValue());
        long started = System.nanoTime();
        Api.Reply reply = api.post(route, t.key(), body);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(reply.status())
            .as("%s on %s: %s", p.getKey(), route, reply.raw())
            .isEqualTo(400);
        JsonNode json = reply.json();
        assertThat(json.get("error").asText()).as(p.getKey()).isEqualTo("Validation failed");
        assertThat(json.get("status").asInt()).isEqualTo(400);
        assertThat(json.get("details").get(0).get("path").asText())
            .as(p.getKey())
            .startsWith("events.1.");
        assertThat(took)
            .as("answered by the gateway, not after retries")
            .isLessThan(Duration.ofSeconds(3));
      }
    }
    assertThat(api.get("/api/events?limit=1", t.key()).json().get("total").asInt())
        .as("a refused request stores nothing, not even its good event")
        .isZero();
  }

  @Test
  void invalidUtf8IsA400AndTheServerKeepsServing() {
    Tenant t = tenants.create(Plan.PRO, null);
    byte[] prefix = "{\"events\":[{\"sessionId\":\"".getBytes(StandardCharsets.US_ASCII);
    byte[] suffix =
        "\",\"agentId\":\"a\",\"eventType\":\"tool_call\",\"payload\":{\"toolName\":\"t\",\"callId\":\"c\"}}]}"
            .getBytes(StandardCharsets.US_ASCII);
    for (byte[] bad :
        List.of(
            new byte[] {(byte) 0xC3},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xFF})) {
      byte[] body = new byte[prefix.length + bad.length + suffix.length];
      System.arraycopy(prefix, 0, body, 0, prefix.length);
      System.arraycopy(bad, 0, body, prefix.length, bad.length);
      System.arraycopy(suffix, 0, body, prefix.length + bad.length, suffix.length);
      Api.Reply reply = api.postBytes("/api/events", t.key(), body);
      assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
      assertThat(reply.json().get("error").asText()).isEqualTo("Invalid JSON body");
    }
    assertThat(api.post("/api/events", t.key(), batch(toolCall(session(), null))).status())
        .isEqualTo(202);
  }

  @Test
  void validUnicodeIsStoredAndItsChainVerifies() throws Exception {
    Tenant t = tenants.create(Plan.PRO, null);
    String s = "s-😀-\\ud83d\\ude00-" + UUID.randomUUID();
    String event = toolCall(s, null).replace("\"shoes\"", "\"é € 😀 \\u2028 \\ufeff\"");
    assertThat(api.post("/api/events", t.key(), batch(event, event)).status()).isEqualTo(202);
    String stored = s.replace("\\ud83d\\ude00", "😀");
    String path =
        "/api/sessions/" + java.net.URLEncoder.encode(stored, StandardCharsets.UTF_8) + "/timeline";
    Api.Reply timeline =
        api.await(
            path,
            t.key(),
            r -> r.status() == 200 && r.json().get("events").size() == 2,
            Duration.ofSeconds(10));
    assertThat(timeline.json().get("events")).as(timeline.raw()).hasSize(2);
    assertThat(timeline.json().get("chainValid").asBoolean()).isTrue();
    assertThat(timeline.json().get("events").get(0).get("sessionId").asText()).isEqualTo(stored);
  }

  @Test
  void anEnvelopeThatReachesTheWorkerAnywayIsDeadLetteredAtOnce() throws Exception {
    Tenant t = tenants.create(Plan.PRO, null);
    EventQueue queue = stack.bean(EventQueue.class);
    Event poison =
        Event.unwritten(
            "poison-" + UUID.randomUUID(),
            t.orgId(),
            // why: a control character survives every queue's encoding (a lone surrogate would
            // become
            // '?' in Redis and be a valid id there)
            "s\u0001x",
            "agent-1",
            EventType.TOOL_CALL,
            Severity.INFO,
            stack.bean(Clock.class).now(),
            "{\"toolName\":\"t\",\"callId\":\"c\"}",
            "{}");
    Envelope envelope =
        new Envelope(
            "env-" + UUID.randomUUID(),
            t.orgId(),
            t.keyId(),
            stack.bean(Clock.class).now(),
            List.of(poison));
    long started = System.nanoTime();
    queue.publish(envelope);
    DeadLetter letter = null;
    while (letter == null && System.nanoTime() - started < Duration.ofSeconds(10).toNanos()) {
      letter =
          queue.deadLetters(1000).stream()
              .filter(d -> d.decoded().map(e -> e.id().equals(envelope.id())).orElse(false))
              .findFirst()
              .orElse(null);
      Thread.sleep(20);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(letter).as("dead-lettered").isNotNull();
    assertThat(letter.attempts()).as("no retries").isEqualTo(1);
    assertThat(letter.reason()).startsWith("rejected: ").contains("sessionId");
    assertThat(took)
        .as("not after the 1 s + 2 s + 4 s of retries")
        .isLessThan(Duration.ofSeconds(3));
    assertThat(api.post("/api/events", t.key(), batch(toolCall(session(), null))).status())
        .as("the worker keeps serving")
        .isEqualTo(202);
  }
}
