package ai.agentlens.core.ingest;

import static ai.agentlens.core.ingest.Stubs.stub;
import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.account.OrgDirectory;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.error.StorageUnavailableException;
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
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The worker settles a poison envelope (input the store refuses) at once through {@link
 * EventQueue#reject}, while a transient storage failure still goes the retry path ({@link
 * EventQueue#nack}); a good envelope of the same poll is still stored and acknowledged.
 */
class IngestWorkerPoisonTest {

  private static final Instant T = Instant.parse("2026-12-01T00:00:00Z");
  private static final Org ORG =
      new Org("org_1", "org-1", "Org", Plan.FREE, OrgSettings.defaults(30), T);

  private final List<String> calls = new ArrayList<>();

  @Test
  void anEnvelopeTheStoreRefusesIsRejectedAtOnceAndTheOthersAreStored() {
    Delivery poison = delivery("1", "poison-session");
    Delivery good = delivery("2", "good-session");
    IngestWorker worker =
        worker(
            List.of(poison, good),
            batches -> {
              if (batches.stream()
                  .flatMap(b -> b.events().stream())
                  .anyMatch(e -> e.sessionId().startsWith("poison"))) {
                throw new InvalidInputException(
                    "event e1: sessionId: contains a control character");
              }
              return new AppendResult(List.of(), List.of());
            });
    assertThat(worker.runOnce("c1")).isEqualTo(2);
    assertThat(calls)
        .containsExactly(
            "reject 1 rejected: event e1: sessionId: contains a control character", "ack 2");
  }

  @Test
  void aTransientStorageFailureIsStillRetried() {
    IngestWorker worker =
        worker(
            List.of(delivery("1", "s")),
            batches -> {
              throw new StorageUnavailableException("database down", null);
            });
    worker.runOnce("c1");
    assertThat(calls).containsExactly("nack 1 StorageUnavailableException: database down");
  }

  private IngestWorker worker(
      List<Delivery> deliveries, Function<List<EventBatch>, AppendResult> append) {
    return new IngestWorker(
        queue(deliveries),
        stub(
            EventStore.class,
            (name, args) -> {
              @SuppressWarnings("unchecked")
              List<EventBatch> batches = (List<EventBatch>) args[0];
              return append.apply(batches);
            }),
        new OrgDirectory(stub(OrgStore.class, (name, args) -> Optional.of(ORG)), System::nanoTime),
        64,
        Duration.ZERO);
  }

  private EventQueue queue(List<Delivery> deliveries) {
    return stub(
        EventQueue.class,
        (name, args) ->
            switch (name) {
              case "poll" -> deliveries;
              case "ack" -> {
                @SuppressWarnings("unchecked")
                List<Delivery> acked = (List<Delivery>) args[0];
                acked.forEach(d -> calls.add("ack " + d.receipt()));
                yield null;
              }
              case "reject", "nack" -> {
                calls.add(name + " " + ((Delivery) args[0]).receipt() + " " + args[1]);
                yield name.equals("reject")
                    ? EventQueue.NackOutcome.DEAD_LETTERED
                    : EventQueue.NackOutcome.RETRY_SCHEDULED;
              }
              default -> throw new UnsupportedOperationException(name);
            });
  }

  private static Delivery delivery(String receipt, String sessionId) {
    Event e =
        Event.unwritten(
            "e" + receipt,
            ORG.id(),
            sessionId,
            "agent",
            EventType.TOOL_CALL,
            Severity.INFO,
            T,
            "{\"toolName\":\"t\",\"callId\":\"c\"}",
            "{}");
    return new Delivery(receipt, new Envelope("env" + receipt, ORG.id(), "key", T, List.of(e)), 1);
  }
}
