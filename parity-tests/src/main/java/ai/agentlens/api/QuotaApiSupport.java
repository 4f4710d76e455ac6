package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.account.OrgDirectory;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.EventStore;
import ai.agentlens.core.port.storage.OrgStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The quota suite's helpers on a running launcher: move an org to a plan at once, seed stored
 * events, ingest through the API, and wait for the usage ledger.
 */
public abstract class QuotaApiSupport extends AccountStack {

  /** Moves an org to a plan at once, as an upgrade does. */
  protected void plan(String orgId, Plan plan) {
    stack.bean(OrgStore.class).updatePlan(orgId, plan);
    stack.bean(OrgDirectory.class).invalidate(orgId);
  }

  /** Stores events directly, as if ingested earlier this period. */
  protected void seed(String orgId, int n) {
    Instant now = stack.bean(Clock.class).now();
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      events.add(
          Event.unwritten(
              "seed-" + UUID.randomUUID(),
              orgId,
              "seeded",
              "agent-seed",
              EventType.CUSTOM,
              Severity.INFO,
              now,
              "{\"type\":\"t\",\"data\":{}}",
              "{}"));
    }
    stack.bean(EventStore.class).append(new EventBatch(orgId, null, events));
  }

  /** Sends n custom events from one agent in one request. */
  protected Api.Reply ingest(String key, String agent, int n) {
    List<String> events = new ArrayList<>();
    String session = "s-" + UUID.randomUUID();
    for (int i = 0; i < n; i++) {
      events.add(
          "{\"sessionId\":\""
              + session
              + "\",\"agentId\":\""
              + agent
              + "\",\"eventType\":\"custom\",\"payload\":{\"type\":\"t\",\"data\":{\"i\":"
              + i
              + "}}}");
    }
    return new Api(stack.url())
        .post("/api/events", key, SdkRequests.batch(events.toArray(String[]::new)));
  }

  /** Waits until the usage ledger holds n events (cloud ingest is asynchronous). */
  protected JsonNode stored(String key, long n) throws InterruptedException {
    Api.Reply r =
        new Api(stack.url())
            .await(
                "/api/usage",
                key,
                x -> x.status() == 200 && x.json().get("used").asLong() >= n,
                java.time.Duration.ofSeconds(30));
    assertThat(r.json().get("used").asLong()).as(r.raw()).isEqualTo(n);
    return r.json();
  }

  /** Returns the key of a key-creation reply. */
  protected static String key(JsonNode created) {
    return created.get("key").asText();
  }
}
