package ai.agentlens.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventQuery;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventReadsTest {

  private final InMemoryEventStore store = new InMemoryEventStore();
  private final EventReads reads = new EventReads(store);

  private void events(String org, String session, EventType type, int n) {
    List<Event> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(
          Event.unwritten(
              org + session + type + i,
              org,
              session,
              "a",
              type,
              Severity.INFO,
              Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i),
              "{}",
              "{}"));
    }
    store.append(List.of(new EventBatch(org, null, list)));
  }

  @Test
  void aPageCarriesTheTotalAndWhetherMoreFollow() {
    events("org", "s1", EventType.TOOL_CALL, 7);
    events("org", "s1", EventType.CUSTOM, 2);
    events("other", "s1", EventType.TOOL_CALL, 4);
    EventQuery toolCalls = EventQuery.firstPage().byAgentAndType(null, EventType.TOOL_CALL);

    EventPage first = reads.page("org", toolCalls.page(5, 0));
    EventPage last = reads.page("org", toolCalls.page(5, 5));

    assertThat(first.events()).hasSize(5);
    assertThat(first.total()).isEqualTo(7);
    assertThat(first.hasMore()).isTrue();
    assertThat(last.events()).hasSize(2);
    assertThat(last.hasMore()).isFalse();
    assertThat(reads.page("org", toolCalls.page(7, 0)).hasMore()).isFalse();
  }

  @Test
  void anEventStoredBetweenTheTwoReadsIsInThePageWhenTheTotalCountsIt() {
    events("org", "s1", EventType.SESSION_STARTED, 1);
    store.afterNextRead = () -> events("org", "s1", EventType.TOOL_CALL, 1);

    EventPage page = reads.page("org", EventQuery.firstPage().bySession("s1"));

    // why: the page must never hold fewer of the matches than its total says exist (the MCP
    // contract test saw total 2 with one event when the store wrote between the reads)
    assertThat(page.events()).hasSize((int) page.total());
    assertThat(page.total()).isEqualTo(2);
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void findAndAnyAreScopedToTheOrg() {
    assertThat(reads.any("org")).isFalse();
    events("org", "s1", EventType.CUSTOM, 1);
    String id = store.rows.get(0).id();
    assertThat(reads.any("org")).isTrue();
    assertThat(reads.any("other")).isFalse();
    assertThat(reads.find("org", id)).isPresent();
    assertThat(reads.find("other", id)).isEmpty();
  }
}
