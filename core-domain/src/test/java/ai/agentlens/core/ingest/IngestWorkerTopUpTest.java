package ai.agentlens.core.ingest;

import static ai.agentlens.core.ingest.Stubs.stub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.account.OrgDirectory;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.event.AppendResult;
import ai.agentlens.core.event.Envelope;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.queue.Delivery;
import ai.agentlens.core.port.queue.EventQueue;
import ai.agentlens.core.port.storage.EventStore;
import ai.agentlens.core.port.storage.OrgStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A worker tops a batch up from a backlog of small parts to its event target, in one transaction,
 * and polls once when there is no backlog or no target.
 */
class IngestWorkerTopUpTest {

  private static final Instant T = Instant.parse("2026-12-01T00:00:00Z");
  private static final Org ORG =
      new Org("org_1", "org-1", "Org", Plan.FREE, OrgSettings.defaults(30), T);

  private final List<Integer> appended = new ArrayList<>();
  private final List<Duration> waits = new ArrayList<>();
  private int next;

  @Test
  void fullPollsAreToppedUpToTheEventTargetInOneTransaction() {
    IngestWorker worker = worker(100, 4).topUpTo(10);
    assertThat(worker.runOnce("c1")).as("3 polls of 4 one-event parts").isEqualTo(12);
    assertThat(appended).containsExactly(12);
    assertThat(waits).containsExactly(Duration.ofMillis(200), Duration.ZERO, Duration.ZERO);
  }

  @Test
  void withoutATargetOrABacklogAWorkerPollsOnce() {
    assertThat(worker(100, 4).runOnce("c1")).isEqualTo(4);
    assertThat(worker(3, 4).topUpTo(10).runOnce("c2")).as("a short poll: no backlog").isEqualTo(3);
    assertThat(appended).containsExactly(4, 3);
  }

  @Test
  void topUpsStopAfterSixteenPolls() {
    assertThat(worker(1000, 4).topUpTo(1_000_000).runOnce("c1"))
        .isEqualTo(4 * IngestWorker.MAX_TOP_UPS);
    assertThatThrownBy(() -> worker(1, 1).topUpTo(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  /** A worker over a backlog of {@code backlog} one-event parts, taking {@code max} per poll. */
  private IngestWorker worker(int backlog, int max) {
    next = 0;
    EventQueue queue =
        stub(
            EventQueue.class,
            (name, args) ->
                switch (name) {
                  case "poll" -> {
                    waits.add((Duration) args[2]);
                    List<Delivery> out = new ArrayList<>();
                    while (out.size() < (int) args[1] && next < backlog) {
                      out.add(delivery(next++));
                    }
                    yield out;
                  }
                  case "ack" -> null;
                  default -> throw new UnsupportedOperationException(name);
                });
    EventStore store =
        stub(
            EventStore.class,
            (name, args) -> {
              @SuppressWarnings("unchecked")
              List<EventBatch> batches = (List<EventBatch>) args[0];
              appended.add(batches.stream().mapToInt(b -> b.events().size()).sum());
              return new AppendResult(List.of(), List.of());
            });
    OrgDirectory orgs =
        new OrgDirectory(stub(OrgStore.class, (name, args) -> Optional.of(ORG)), System::nanoTime);
    return new IngestWorker(queue, store, orgs, max, Duration.ofMillis(200));
  }

  private static Delivery delivery(int i) {
    Event e =
        Event.unwritten(
            "e" + i,
            ORG.id(),
            "s" + i,
            "agent",
            EventType.TOOL_CALL,
            Severity.INFO,
            T,
            "{\"toolName\":\"t\",\"callId\":\"c\"}",
            "{}");
    return new Delivery("r" + i, new Envelope("env" + i, ORG.id(), "key", T, List.of(e)), 1);
  }
}
