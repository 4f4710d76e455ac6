package ai.agentlens.core.read;

import ai.agentlens.core.analytics.LlmUsage;
import ai.agentlens.core.analytics.LlmUsageQuery;
import ai.agentlens.core.event.AppendResult;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventQuery;
import ai.agentlens.core.event.HashChain;
import ai.agentlens.core.port.storage.EventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A small in-memory event log for use-case tests: chains appended events per session, answers the
 * reads by filtering one list, and records the size of every timeline answer.
 */
final class InMemoryEventStore implements EventStore {

  final List<Event> rows = new ArrayList<>();
  final List<Integer> timelineAnswers = new ArrayList<>();
  private final Map<String, Event> tails = new HashMap<>();

  /** Runs once after the next {@code query} or {@code count}: a writer racing the reader. */
  Runnable afterNextRead;

  @Override
  public AppendResult append(List<EventBatch> batches) {
    List<Event> stored = new ArrayList<>();
    for (EventBatch b : batches) {
      for (Event e : b.events()) {
        Event last = tails.get(e.orgId() + "/" + e.sessionId());
        Event chained =
            HashChain.extend(
                    last == null ? 0 : last.sequence(),
                    last == null ? null : last.hash(),
                    List.of(e))
                .get(0);
        tails.put(e.orgId() + "/" + e.sessionId(), chained);
        rows.add(chained);
        stored.add(chained);
      }
    }
    return new AppendResult(stored, List.of());
  }

  /**
   * Replaces a stored event, as tampering with the database would.
   *
   * @param sessionId the event's session
   * @param sequence the event's sequence in its session
   * @param change the change
   */
  void tamper(String sessionId, long sequence, UnaryOperator<Event> change) {
    for (int i = 0; i < rows.size(); i++) {
      Event e = rows.get(i);
      if (e.sessionId().equals(sessionId) && e.sequence() == sequence) {
        rows.set(i, change.apply(rows.get(i)));
        return;
      }
    }
    throw new IllegalArgumentException("no event " + sequence);
  }

  @Override
  public Optional<Event> find(String orgId, String eventId) {
    return rows.stream().filter(e -> e.orgId().equals(orgId) && e.id().equals(eventId)).findFirst();
  }

  @Override
  public List<Event> exportPage(
      String orgId,
      Instant from,
      Instant to,
      String afterSessionId,
      long afterSequence,
      int limit) {
    return rows.stream()
        .filter(e -> e.orgId().equals(orgId))
        .filter(e -> from == null || !e.timestamp().isBefore(from))
        .filter(e -> to == null || e.timestamp().isBefore(to))
        .filter(
            e -> {
              int c = e.sessionId().compareTo(afterSessionId);
              return c > 0 || (c == 0 && e.sequence() > afterSequence);
            })
        .sorted(Comparator.comparing(Event::sessionId).thenComparingLong(Event::sequence))
        .limit(limit)
        .toList();
  }

  @Override
  public List<Event> timeline(String orgId, String sessionId, long afterSequence, int limit) {
    List<Event> out =
        rows.stream()
            .filter(e -> e.orgId().equals(orgId) && e.sessionId().equals(sessionId))
            .filter(e -> e.sequence() > afterSequence)
            .sorted(Comparator.comparingLong(Event::sequence))
            .limit(limit)
            .toList();
    timelineAnswers.add(out.size());
    return out;
  }

  @Override
  public List<Event> query(String orgId, EventQuery q) {
    List<Event> out = matching(orgId, q).stream().skip(q.offset()).limit(q.limit()).toList();
    racingWrite();
    return out;
  }

  @Override
  public long count(String orgId, EventQuery q) {
    long n = matching(orgId, q).size();
    racingWrite();
    return n;
  }

  private void racingWrite() {
    Runnable r = afterNextRead;
    afterNextRead = null;
    if (r != null) {
      r.run();
    }
  }

  private List<Event> matching(String orgId, EventQuery q) {
    return rows.stream()
        .filter(e -> e.orgId().equals(orgId))
        .filter(e -> q.sessionId() == null || q.sessionId().equals(e.sessionId()))
        .filter(e -> q.agentId() == null || q.agentId().equals(e.agentId()))
        .filter(e -> q.eventTypes().isEmpty() || q.eventTypes().contains(e.eventType()))
        .sorted(Comparator.comparing(Event::timestamp).thenComparing(Event::id).reversed())
        .toList();
  }

  @Override
  public List<LlmUsage> llmUsage(String orgId, LlmUsageQuery query) {
    return List.of();
  }
}
