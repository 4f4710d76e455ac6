package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.port.llm.LlmLogInbox;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link LlmLogInbox} contract: while open, an append notes its new {@code llm_call} / {@code
 * llm_response} events (no other type, no duplicate) in notes of at most {@value
 * LlmLogInbox#MAX_EVENTS_PER_NOTE}; closed, it notes nothing; {@code next} returns whole notes,
 * oldest first, with their stored events in storage order; {@code settle} deletes only the given
 * notes of the given org; {@code orgs} lists the orgs with notes and {@code backlog} counts every
 * org's notes and the oldest one's time; another org reads nothing.
 */
public abstract class LlmLogInboxContract extends StorageContract {

  private LlmLogInbox inbox() {
    return provider.llmLogInbox();
  }

  @BeforeEach
  void openInbox() {
    inbox().open(true);
  }

  private static Event llm(String org, EventType type, int i) {
    return event(
        org,
        "s-" + (i % 3),
        "agent-1",
        type,
        "{\"callId\":\"c" + i + "\",\"model\":\"gpt-4o\",\"provider\":\"openai\"}");
  }

  private List<Event> append(String org, List<Event> events) {
    return stores.events().append(new EventBatch(org, "k1", events)).stored();
  }

  private static List<String> ids(List<Event> events) {
    return events.stream().map(Event::id).toList();
  }

  @Test
  void anAppendNotesItsNewLlmEventsOnlyInStorageOrder() {
    String org = newOrg().id();
    List<Event> stored =
        append(
            org,
            List.of(
                llm(org, EventType.LLM_CALL, 1),
                custom(org, "s-1"),
                llm(org, EventType.LLM_RESPONSE, 1)));
    List<Event> llmStored = stored.stream().filter(e -> e.eventType() != EventType.CUSTOM).toList();

    List<LlmLogInbox.Note> notes = inbox().next(org, 256);

    assertThat(inbox().orgs(10_000)).contains(org);
    assertThat(notes).hasSize(1);
    assertThat(notes.get(0).orgId()).isEqualTo(org);
    assertThat(ids(notes.get(0).events())).containsExactlyElementsOf(ids(llmStored));
    Event first = notes.get(0).events().get(0);
    assertThat(first.hash()).isEqualTo(llmStored.get(0).hash());
    assertThat(first.payload().tree().string("callId")).isEqualTo("c1");
  }

  @Test
  void aDuplicateAppendNotesNothingMore() {
    String org = newOrg().id();
    List<Event> events = List.of(llm(org, EventType.LLM_CALL, 1));
    append(org, events);
    append(org, events);

    assertThat(inbox().next(org, 256)).hasSize(1);
  }

  @Test
  void closedTheInboxNotesNothing() {
    String org = newOrg().id();
    inbox().open(false);
    assertThat(inbox().isOpen()).isFalse();
    append(org, List.of(llm(org, EventType.LLM_CALL, 1)));
    inbox().open(true);

    assertThat(inbox().next(org, 256)).isEmpty();
    assertThat(inbox().orgs(10_000)).doesNotContain(org);
  }

  @Test
  void aLargeWriteIsSplitAndNextTakesWholeNotesUpToTheWantedEvents() {
    String org = newOrg().id();
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      events.add(llm(org, i % 2 == 0 ? EventType.LLM_CALL : EventType.LLM_RESPONSE, i / 2));
    }
    List<String> stored = ids(append(org, events));

    List<LlmLogInbox.Note> one = inbox().next(org, 300);
    List<LlmLogInbox.Note> all = inbox().next(org, 600);

    assertThat(one).hasSize(1);
    assertThat(one.get(0).events()).hasSize(LlmLogInbox.MAX_EVENTS_PER_NOTE);
    assertThat(all).extracting(n -> n.events().size()).containsExactly(256, 256, 88);
    assertThat(all).extracting(LlmLogInbox.Note::seq).isSorted();
    assertThat(all.stream().flatMap(n -> ids(n.events()).stream()).toList())
        .containsExactlyElementsOf(stored);
  }

  @Test
  void settleDeletesOnlyTheGivenNotesOfTheGivenOrg() {
    String org = newOrg().id();
    String other = newOrg().id();
    append(org, List.of(llm(org, EventType.LLM_CALL, 1)));
    append(org, List.of(llm(org, EventType.LLM_CALL, 2)));
    append(other, List.of(llm(other, EventType.LLM_CALL, 1)));
    List<LlmLogInbox.Note> notes = inbox().next(org, 1);
    assertThat(notes).hasSize(1);
    long firstSeq = notes.get(0).seq();

    inbox().settle(other, List.of(firstSeq));
    assertThat(inbox().next(org, 256)).hasSize(2);
    inbox().settle(org, List.of(firstSeq));

    List<LlmLogInbox.Note> left = inbox().next(org, 256);
    assertThat(left).hasSize(1);
    assertThat(left.get(0).events().get(0).payload().tree().string("callId")).isEqualTo("c2");
    assertThat(inbox().next(other, 256)).hasSize(1);
    inbox().settle(org, List.of(left.get(0).seq()));
    assertThat(inbox().orgs(10_000)).doesNotContain(org).contains(other);
  }

  @Test
  void theBacklogCountsEveryOrgsNotesAndTellsWhenTheOldestWasWritten() {
    for (String org : inbox().orgs(10_000)) {
      inbox()
          .settle(org, inbox().next(org, 1_000_000).stream().map(LlmLogInbox.Note::seq).toList());
    }
    assertThat(inbox().backlog()).isEqualTo(new LlmLogInbox.Backlog(0, Optional.empty()));
    String org = newOrg().id();
    String other = newOrg().id();
    Instant first = now.get().truncatedTo(ChronoUnit.MILLIS).plusSeconds(60);
    now.set(first);
    append(org, List.of(llm(org, EventType.LLM_CALL, 1)));
    now.set(first.plusSeconds(5));
    append(other, List.of(llm(other, EventType.LLM_CALL, 1)));

    assertThat(inbox().backlog()).isEqualTo(new LlmLogInbox.Backlog(2, Optional.of(first)));
    inbox().settle(org, inbox().next(org, 256).stream().map(LlmLogInbox.Note::seq).toList());
    assertThat(inbox().backlog())
        .isEqualTo(new LlmLogInbox.Backlog(1, Optional.of(first.plusSeconds(5))));
    inbox().settle(other, inbox().next(other, 256).stream().map(LlmLogInbox.Note::seq).toList());
    assertThat(inbox().backlog().notes()).isZero();
  }

  @Test
  void anotherOrgReadsNothingAndOrgsAreListedInIdOrder() {
    String org = newOrg().id();
    String other = newOrg().id();
    append(org, List.of(llm(org, EventType.LLM_CALL, 1)));

    assertThat(inbox().next(other, 256)).isEmpty();
    assertThat(inbox().next("", 256)).isEmpty();
    append(other, List.of(llm(other, EventType.LLM_RESPONSE, 1)));
    List<String> orgs = inbox().orgs(10_000);
    assertThat(orgs).contains(org, other).isSorted();
  }
}
