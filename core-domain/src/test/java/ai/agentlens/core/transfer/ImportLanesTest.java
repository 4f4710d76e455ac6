package ai.agentlens.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.event.AppendResult;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.port.storage.EventStore;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The import's lanes write every event once, each session's events in file order, and stop at the
 * first failed write.
 */
class ImportLanesTest {

  /** An event store whose only working method is {@code append(List)}. */
  private static EventStore store(Function<List<EventBatch>, AppendResult> append) {
    return (EventStore)
        Proxy.newProxyInstance(
            EventStore.class.getClassLoader(),
            new Class<?>[] {EventStore.class},
            (proxy, method, args) -> {
              if (method.isDefault()) {
                return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
              }
              if (method.getName().equals("append")) {
                @SuppressWarnings("unchecked")
                List<EventBatch> batches = (List<EventBatch>) args[0];
                return append.apply(batches);
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  private static EventLine line(String session, int i) {
    return new EventLine(
        Event.unwritten(
            session + "-" + i,
            "o1",
            session,
            "bot",
            EventType.TOOL_CALL,
            Severity.INFO,
            Instant.EPOCH.plusMillis(i),
            "{}",
            "{}"),
        0,
        null);
  }

  @Test
  void everyEventIsWrittenOnceAndEachSessionInFileOrder() {
    Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
    List<Long> progress = Collections.synchronizedList(new ArrayList<>());
    EventStore events =
        store(
            batches -> {
              List<Event> stored = new ArrayList<>();
              for (EventBatch b : batches) {
                for (Event e : b.events()) {
                  String[] id = e.id().split("-");
                  seen.computeIfAbsent(id[0], k -> Collections.synchronizedList(new ArrayList<>()))
                      .add(Integer.parseInt(id[1]));
                  stored.add(e);
                }
              }
              Thread.yield();
              return new AppendResult(stored, List.of());
            });
    ImportLanes lanes = new ImportLanes(events, "o1", 2, 7, progress::add);
    long n = 0;
    for (int i = 0; i < 500; i++) {
      for (String s : List.of("a", "b", "c", "d", "e")) {
        lanes.add(line(s, i), ++n);
      }
    }
    lanes.finish();
    assertThat(lanes.imported()).isEqualTo(2_500);
    assertThat(seen).containsOnlyKeys("a", "b", "c", "d", "e");
    for (List<Integer> order : seen.values()) {
      assertThat(order).hasSize(500).isSorted();
    }
    assertThat(progress).contains(2_500L);
  }

  @Test
  void theFirstFailedWriteStopsTheImport() {
    AtomicInteger calls = new AtomicInteger();
    IllegalStateException boom = new IllegalStateException("database gone");
    EventStore events =
        store(
            batches -> {
              if (calls.incrementAndGet() == 2) {
                throw boom;
              }
              return new AppendResult(batches.get(0).events(), List.of());
            });
    ImportLanes lanes = new ImportLanes(events, "o1", 1, 10, n -> {});
    assertThatThrownBy(
            () -> {
              for (int i = 0; i < 1_000; i++) {
                lanes.add(line("a", i), i + 1);
              }
              lanes.finish();
            })
        .isSameAs(boom);
    lanes.close();
    assertThat(calls.get()).as("writes after the failure are skipped").isEqualTo(2);
  }
}
