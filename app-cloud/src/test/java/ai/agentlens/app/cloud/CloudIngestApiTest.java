package ai.agentlens.app.cloud;

import static ai.agentlens.api.SdkRequests.batch;
import static ai.agentlens.api.SdkRequests.session;
import static ai.agentlens.api.SdkRequests.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Api;
import ai.agentlens.api.IngestApiContract;
import ai.agentlens.api.Tenants;
import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.api.TestStack;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.queue.Delivery;
import ai.agentlens.core.port.queue.EventQueue;
import ai.agentlens.core.port.storage.EventStore;
import ai.agentlens.core.port.storage.UsageLedger;
import ai.agentlens.testing.EmbeddedRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ingest contract on app-cloud, plus what only a multi-process stack can show. */
class CloudIngestApiTest extends IngestApiContract {

  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }

  @Test
  void aQueueOutageIs503FastNeverAHangAndIngestRecoversWithoutRestart() throws Exception {
    try (EmbeddedRedis redis = EmbeddedRedis.startOnFreePort();
        CloudStack own = CloudStack.start(Map.of(), redis.asServer().uri().toString())) {
      Tenant t = new Tenants(own).create(Plan.PRO, null);
      Api ownApi = new Api(own.url());
      assertThat(ownApi.post("/api/events", t.key(), batch(toolCall(session(), null))).status())
          .isEqualTo(202);
      redis.stop();
      Instant start = Instant.now();
      Api.Reply down = ownApi.post("/api/events", t.key(), batch(toolCall(session(), null)));
      assertThat(down.status()).as(down.raw()).isEqualTo(503);
      assertThat(down.header("Retry-After")).isNotNull();
      assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
      redis.start();
      Api.Reply back =
          ownApi.await("/api/health", null, r -> r.status() == 200, Duration.ofSeconds(2));
      assertThat(back.status()).isEqualTo(200);
      Instant deadline = Instant.now().plusSeconds(10);
      int status = 0;
      while (status != 202 && Instant.now().isBefore(deadline)) {
        status = ownApi.post("/api/events", t.key(), batch(toolCall(session(), null))).status();
        Thread.sleep(100);
      }
      assertThat(status).as("accepted again after Redis came back").isEqualTo(202);
    }
  }

  @Test
  void aWorkerKilledMidBatchLosesNothingAndDuplicatesNothing() throws Exception {
    try (CloudStack gateway =
        CloudStack.start(
            Map.of(
                "agentlens.worker.enabled", "false", "agentlens.queue.visibility-timeout", "5s"))) {
      Tenant t = new Tenants(gateway).create(Plan.PRO, null);
      Api gatewayApi = new Api(gateway.url());
      Set<String> accepted = new HashSet<>();
      for (int r = 0; r < 6; r++) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          events.add(toolCall("s-kill-" + (r % 2), null));
        }
        Api.Reply reply =
            gatewayApi.post("/api/events", t.key(), batch(events.toArray(String[]::new)));
        assertThat(reply.status()).isEqualTo(202);
        reply.json().get("events").forEach(e -> accepted.add(e.get("id").asText()));
      }
      assertThat(accepted).hasSize(60);

      // The doomed worker: takes every envelope, commits half of them, and dies before acking.
      EventQueue queue = gateway.bean(EventQueue.class);
      List<Delivery> taken = queue.poll("doomed-worker", 100, Duration.ofSeconds(2));
      assertThat(taken).hasSize(6);
      for (Delivery d : taken.subList(0, 3)) {
        gateway
            .bean(EventStore.class)
            .append(
                new EventBatch(
                    d.envelope().orgId(), d.envelope().apiKeyId(), d.envelope().events()));
      }

      try (CloudStack worker =
          gateway.peer(
              Map.of("AGENTLENS_ROLE", "worker"), Map.of("agentlens.worker.enabled", "true"))) {
        Api.Reply all =
            gatewayApi.await(
                "/api/events?limit=500",
                t.key(),
                // why: total and the page are two reads; wait until the page itself holds all 60
                r -> r.status() == 200 && r.json().get("events").size() >= 60,
                Duration.ofSeconds(30));
        assertThat(all.json().get("total").asInt()).isEqualTo(60);
        Set<String> stored = new HashSet<>();
        all.json().get("events").forEach(e -> stored.add(e.get("id").asText()));
        assertThat(stored).isEqualTo(accepted);
        Thread.sleep(500);
        assertThat(gatewayApi.get("/api/events?limit=1", t.key()).json().get("total").asInt())
            .as("no duplicate later")
            .isEqualTo(60);
        long usage =
            gateway
                .bean(UsageLedger.class)
                .total(
                    t.orgId(), Instant.now().minusSeconds(3600), Instant.now().plusSeconds(3600));
        assertThat(usage).isEqualTo(60);
        for (String s : List.of("s-kill-0", "s-kill-1")) {
          var timeline = gatewayApi.get("/api/sessions/" + s + "/timeline", t.key()).json();
          assertThat(timeline.get("events")).hasSize(30);
          assertThat(timeline.get("chainValid").asBoolean()).isTrue();
        }
        assertThat(queue.depth()).isZero();
      }
    }
  }

  @Test
  void theQueueIsShardedBySessionAndWorkersTopTheirBatchesUp() {
    try (CloudStack stack = CloudStack.start(Map.of())) {
      assertThat(
              ((ai.agentlens.queue.redis.RedisEventQueue) stack.bean(EventQueue.class))
                  .streamKeys())
          .as("agentlens.queue.shards defaults to 4")
          .hasSize(4);
      assertThat(stack.context().getProperty("agentlens.worker.max-events", Integer.class))
          .as("application-cloud.properties")
          .contains(25_600);
    }
  }
}
