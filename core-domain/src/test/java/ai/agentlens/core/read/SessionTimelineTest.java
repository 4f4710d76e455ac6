package ai.agentlens.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionTimelineTest {

  private static final int CHUNK = 100;

  private final InMemoryEventStore store = new InMemoryEventStore();
  private final SessionTimeline timeline = new SessionTimeline(store, CHUNK);

  private void session(String org, String session, int events) {
    List<Event> list = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      list.add(
          Event.unwritten(
              session + "-e" + i,
              org,
              session,
              "agent-" + (i % 3),
              EventType.CUSTOM,
              Severity.INFO,
              Instant.parse("2026-01-01T00:00:00Z").plusMillis(i),
              "{}",
              "{}"));
    }
    store.append(List.of(new EventBatch(org, null, list)));
  }

  private static Event withAgent(Event e, String agent) {
    return new Event(
        e.id(),
        e.orgId(),
        e.sessionId(),
        agent,
        e.eventType(),
        e.severity(),
        e.timestamp(),
        e.payload(),
        e.metadata(),
        e.sequence(),
        e.prevHash(),
        e.hash());
  }

  @Test
  void aSessionLongerThanAnyChunkVerifiesInBoundedReads() {
    session("org", "long", 2_503);

    Timeline t = timeline.read("org", "long", 0, 10).orElseThrow();

    assertThat(t.chain().valid()).isTrue();
    assertThat(t.events())
        .extracting(Event::sequence)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(t.hasMore()).isTrue();
    assertThat(store.timelineAnswers)
        .hasSize(26)
        .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(CHUNK));
  }

  @Test
  void aTamperedEventDeepInALongSessionIsReportedWithItsIndex() {
    session("org", "long", 2_503);
    store.tamper("long", 1_778, e -> withAgent(e, "forged"));

    Timeline t = timeline.read("org", "long", 2_000, 50).orElseThrow();

    assertThat(t.chain().valid()).isFalse();
    assertThat(t.chain().failedAtIndex()).isEqualTo(1_777);
    assertThat(t.chain().reason()).isEqualTo("hash does not match the event's contents");
    assertThat(t.events()).hasSize(50).first().extracting(Event::sequence).isEqualTo(2_001L);
    assertThat(t.hasMore()).isTrue();
  }

  @Test
  void aBrokenLinkOrAGapAtAChunkBoundaryIsFound() {
    session("org", "linked", 450);
    store.tamper("linked", 301, e -> e.chained(e.sequence(), "0".repeat(64), e.hash()));
    assertThat(timeline.read("org", "linked", 0, SessionTimeline.ALL).orElseThrow().chain())
        .satisfies(
            v -> {
              assertThat(v.failedAtIndex()).isEqualTo(300);
              assertThat(v.reason()).isEqualTo("prevHash does not link to the previous event");
            });

    session("org", "gap", 450);
    store.rows.removeIf(e -> e.sessionId().equals("gap") && e.sequence() == 201);
    Timeline gap = timeline.read("org", "gap", 0, SessionTimeline.ALL).orElseThrow();
    assertThat(gap.events()).hasSize(449);
    assertThat(gap.chain().failedAtIndex()).isEqualTo(200);
    assertThat(gap.chain().reason()).isEqualTo("sequence 202, expected 201");
  }

  @Test
  void theWholeSessionIsOnePageWhenAskedForAll() {
    session("org", "s", 250);
    Timeline t = timeline.read("org", "s", 0, SessionTimeline.ALL).orElseThrow();
    assertThat(t.events()).hasSize(250);
    assertThat(t.hasMore()).isFalse();
    assertThat(t.chain().valid()).isTrue();

    Timeline tail = timeline.read("org", "s", 240, 10).orElseThrow();
    assertThat(tail.events()).extracting(Event::sequence).startsWith(241L).endsWith(250L);
    assertThat(tail.hasMore()).isFalse();
    assertThat(timeline.read("org", "s", 250, 10).orElseThrow().events()).isEmpty();
  }

  @Test
  void onceBrokenAndThePageIsFullTheRestIsNotRead() {
    session("org", "s", 2_000);
    store.tamper("s", 3, e -> withAgent(e, "forged"));
    store.timelineAnswers.clear();

    Timeline t = timeline.read("org", "s", 0, 5).orElseThrow();

    assertThat(t.chain().failedAtIndex()).isEqualTo(2);
    assertThat(t.hasMore()).isTrue();
    assertThat(store.timelineAnswers).hasSize(1);
  }

  @Test
  void anUnknownSessionOrAnotherOrgsSessionIsNotFound() {
    session("org-a", "s", 3);
    assertThat(timeline.read("org-a", "nope", 0, 10)).isEmpty();
    assertThat(timeline.read("org-b", "s", 0, 10)).isEmpty();
    assertThatThrownBy(() -> timeline.read("org-a", "s", 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SessionTimeline(store, 10_001))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPartlyPurgedSessionVerifiesFromItsFirstKeptEvent() {
    session("org", "purged", 250);
    store.rows.removeIf(e -> e.sessionId().equals("purged") && e.sequence() < 101);
    SessionTimeline withPoints =
        new SessionTimeline(
            store,
            CHUNK,
            (org, s) ->
                s.equals("purged")
                    ? java.util.OptionalLong.of(101)
                    : java.util.OptionalLong.empty());

    Timeline t = withPoints.read("org", "purged", 0, 10).orElseThrow();
    assertThat(t.chain().valid()).as(t.chain().toString()).isTrue();
    assertThat(t.verifiedFrom()).isEqualTo(101);
    assertThat(t.events().get(0).sequence()).isEqualTo(101);
    assertThat(timeline.read("org", "purged", 0, 10).orElseThrow().chain().valid())
        .as("without the purge point the chain does not start at #1")
        .isFalse();

    // an event missing after the purge point is still caught
    store.rows.removeIf(e -> e.sessionId().equals("purged") && e.sequence() == 101);
    Timeline gap = withPoints.read("org", "purged", 0, 10).orElseThrow();
    assertThat(gap.chain().valid()).isFalse();
    // a session never purged verifies from #1
    session("org", "whole", 5);
    assertThat(withPoints.read("org", "whole", 0, 10).orElseThrow().verifiedFrom()).isEqualTo(1);
  }
}
