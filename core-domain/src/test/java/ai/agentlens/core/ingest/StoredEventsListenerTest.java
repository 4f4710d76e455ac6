package ai.agentlens.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.EventBatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fan-out of committed batches to several listeners (guardrails, the embedding worker). */
class StoredEventsListenerTest {

  @Test
  void everyListenerHearsInOrderEvenAfterOneThrows() {
    List<String> heard = new ArrayList<>();
    List<EventBatch> batches = List.of(new EventBatch("org", null, List.of()));
    StoredEventsListener all =
        StoredEventsListener.all(
            List.of(
                b -> heard.add("first"),
                b -> {
                  throw new IllegalStateException("boom");
                },
                b -> heard.add("third " + b.size())));
    all.stored(batches);
    assertThat(heard).containsExactly("first", "third 1");
  }

  @Test
  void oneListenerIsItselfAndNoneHearsNothing() {
    StoredEventsListener only = b -> {};
    assertThat(StoredEventsListener.all(List.of(only))).isSameAs(only);
    StoredEventsListener.all(List.of()).stored(List.of());
  }
}
