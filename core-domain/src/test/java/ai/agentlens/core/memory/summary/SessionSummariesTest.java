package ai.agentlens.core.memory.summary;

import static ai.agentlens.core.memory.MemoryFixtures.ev;
import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.memory.FakeSummaryStore;
import ai.agentlens.core.memory.MemoryFixtures;
import ai.agentlens.core.port.storage.EventStore;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class SessionSummariesTest {

  private final FakeSummaryStore store = new FakeSummaryStore();
  private final List<String> timelineReads = new ArrayList<>();

  /** An event store whose timeline answers the given sessions and throws for "boom". */
  private EventStore events(Map<String, List<Event>> sessions) {
    return (EventStore)
        Proxy.newProxyInstance(
            EventStore.class.getClassLoader(),
            new Class<?>[] {EventStore.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("timeline")) {
                throw new UnsupportedOperationException(method.getName());
              }
              String session = (String) args[1];
              timelineReads.add(session + "@" + args[3]);
              if (session.equals("boom")) {
                throw new IllegalStateException("db down");
              }
              return sessions.getOrDefault(session, List.of());
            });
  }

  private static EventBatch batch(Event... events) {
    return new EventBatch("org-1", null, List.of(events));
  }

  @Test
  void onlyEndedSessionsAreSummarizedOnTheExecutor() {
    Event end = ev("s", 5, EventType.SESSION_ENDED, "{\"reason\":\"completed\"}");
    Event other = ev("t", 1, EventType.CUSTOM, "{\"type\":\"x\",\"data\":{}}");
    List<Runnable> queued = new ArrayList<>();
    SessionSummaries s =
        new SessionSummaries(
            events(Map.of("s", List.of(end))), store, () -> MemoryFixtures.T0, queued::add);
    s.stored(List.of(batch(other, end)));
    assertThat(queued).as("the worker's thread only queues").hasSize(1);
    assertThat(store.rows).isEmpty();
    queued.get(0).run();
    assertThat(timelineReads).containsExactly("s@" + SessionSummaries.MAX_EVENTS);
    assertThat(store.rows).containsOnlyKeys("s");
    assertThat(s.written()).isEqualTo(1);
  }

  @Test
  void aFullExecutorDropsAndCounts() {
    SessionSummaries s =
        new SessionSummaries(
            events(Map.of()),
            store,
            () -> MemoryFixtures.T0,
            r -> {
              throw new RejectedExecutionException("full");
            });
    s.stored(List.of(batch(ev("s", 5, EventType.SESSION_ENDED, "{\"reason\":\"completed\"}"))));
    assertThat(s.dropped()).isEqualTo(1);
    assertThat(timelineReads).isEmpty();
  }

  @Test
  void aSessionWithoutEventsWritesNothingAndAFailureIsSwallowed() {
    SessionSummaries s =
        new SessionSummaries(events(Map.of()), store, () -> MemoryFixtures.T0, Runnable::run);
    assertThat(s.summarize("org-1", "gone")).isEmpty();
    s.stored(List.of(batch(ev("boom", 5, EventType.SESSION_ENDED, "{\"reason\":\"completed\"}"))));
    assertThat(store.rows).isEmpty();
    assertThat(s.written()).isZero();
  }
}
