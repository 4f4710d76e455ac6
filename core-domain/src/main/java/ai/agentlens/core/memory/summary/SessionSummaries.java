package ai.agentlens.core.memory.summary;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.ingest.StoredEventsListener;
import ai.agentlens.core.memory.model.SessionSummary;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.memory.SessionSummaryStore;
import ai.agentlens.core.port.storage.EventStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a session's summary after its {@code session_ended} event is committed, off the ingest
 * path: {@link #stored} only hands one task per ended session to a bounded executor and returns; a
 * full executor drops the summary (counted, logged) rather than slow the worker. The task reads the
 * session's first {@link #MAX_EVENTS} events, summarizes them ({@link SessionSummarizer}) and
 * upserts the summary, so a session ended twice keeps the latest.
 */
public final class SessionSummaries implements StoredEventsListener {

  /** Events of a session read for its summary at most. */
  public static final int MAX_EVENTS = 5_000;

  private static final Logger LOG = LoggerFactory.getLogger(SessionSummaries.class);

  private final EventStore events;
  private final SessionSummaryStore store;
  private final Clock clock;
  private final Executor executor;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final Consumer<SessionSummary> onWritten;

  /**
   * Wires the summarizer.
   *
   * @param events where the session's events are read
   * @param store where summaries go
   * @param clock time of writing
   * @param executor where summaries are made (bounded)
   */
  public SessionSummaries(
      EventStore events, SessionSummaryStore store, Clock clock, Executor executor) {
    this(events, store, clock, executor, s -> {});
  }

  /**
   * Wires the summarizer with a follower of every stored summary (the embedding worker, so context
   * can recall sessions by meaning).
   *
   * @param events where the session's events are read
   * @param store where summaries go
   * @param clock time of writing
   * @param executor where summaries are made (bounded)
   * @param onWritten told of each summary once stored; must not block
   */
  public SessionSummaries(
      EventStore events,
      SessionSummaryStore store,
      Clock clock,
      Executor executor,
      Consumer<SessionSummary> onWritten) {
    this.events = events;
    this.store = store;
    this.clock = clock;
    this.executor = executor;
    this.onWritten = onWritten;
  }

  @Override
  public void stored(List<EventBatch> batches) {
    for (EventBatch b : batches) {
      for (Event e : b.events()) {
        if (e.eventType() == EventType.SESSION_ENDED) {
          submit(b.orgId(), e.sessionId());
        }
      }
    }
  }

  private void submit(String orgId, String sessionId) {
    try {
      executor.execute(() -> summarizeQuietly(orgId, sessionId));
    } catch (RejectedExecutionException e) {
      long n = dropped.incrementAndGet();
      LOG.warn("session summary queue full: dropped a summary ({} so far)", n);
    }
  }

  private void summarizeQuietly(String orgId, String sessionId) {
    try {
      summarize(orgId, sessionId);
    } catch (RuntimeException e) {
      LOG.warn("session summary for a session of org {} failed: {}", orgId, e.toString());
    }
  }

  /**
   * Summarizes a session now, in the calling thread, and stores the summary.
   *
   * @param orgId the org
   * @param sessionId the session
   * @return the summary, or empty when the session has no events
   */
  public Optional<SessionSummary> summarize(String orgId, String sessionId) {
    List<Event> list = events.timeline(orgId, sessionId, 0, MAX_EVENTS);
    if (list.isEmpty()) {
      return Optional.empty();
    }
    SessionSummary s = SessionSummarizer.summarize(list, clock.now());
    store.upsert(s);
    written.incrementAndGet();
    onWritten.accept(s);
    return Optional.of(s);
  }

  /**
   * How many summaries a full executor dropped.
   *
   * @return the count
   */
  public long dropped() {
    return dropped.get();
  }

  /**
   * How many summaries were written.
   *
   * @return the count
   */
  public long written() {
    return written.get();
  }
}
