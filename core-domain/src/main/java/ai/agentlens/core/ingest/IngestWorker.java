package ai.agentlens.core.ingest;

import ai.agentlens.core.account.OrgDirectory;
import ai.agentlens.core.enrich.EventEnrichment;
import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.event.Envelope;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.port.queue.Delivery;
import ai.agentlens.core.port.queue.EventQueue;
import ai.agentlens.core.port.storage.EventStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's use case (FR-29): takes a batch of envelopes, enriches their events (masking,
 * redaction, cost), writes them all in one transaction (group commit: the sessions, agents, hash
 * chains and usage records move with them), then acknowledges. When the combined write fails, each
 * envelope is written on its own so one bad envelope cannot hold the others back; an envelope that
 * still fails is nacked and retried, then dead-lettered, by the queue's delivery policy, unless the
 * store refused its input ({@link InvalidInputException}): such poison is {@linkplain
 * EventQueue#reject rejected} to the dead letters at once, since no retry can store it.
 */
public final class IngestWorker {

  private static final Logger LOG = LoggerFactory.getLogger(IngestWorker.class);
  private static final int CONFLICT_RETRIES = 3;

  /** The most polls one batch is topped up from, as a multiple of the first one. */
  static final int MAX_TOP_UPS = 16;

  private final EventQueue queue;
  private final EventStore events;
  private final OrgDirectory orgs;
  private final int maxEnvelopes;
  private final Duration pollWait;
  private final BatchObserver observer;
  private final StoredEventsListener listener;
  private volatile int maxEvents;

  /** Told about every batch a worker wrote, for metrics. */
  @FunctionalInterface
  public interface BatchObserver {

    /** Observes nothing. */
    BatchObserver NONE = (envelopes, events, nanos) -> {};

    /**
     * Called after a batch was committed in one transaction; must be cheap and must not throw.
     *
     * @param envelopes envelopes in the transaction
     * @param events events in them
     * @param writeNanos how long the write (with its conflict retries) took
     */
    void written(int envelopes, int events, long writeNanos);
  }

  /**
   * Wires a worker that reports nothing.
   *
   * @param queue where envelopes come from
   * @param events where events go
   * @param orgs org settings (masking, redaction)
   * @param maxEnvelopes most envelopes per transaction
   * @param pollWait how long one poll waits for work
   */
  public IngestWorker(
      EventQueue queue, EventStore events, OrgDirectory orgs, int maxEnvelopes, Duration pollWait) {
    this(queue, events, orgs, maxEnvelopes, pollWait, BatchObserver.NONE);
  }

  /**
   * Wires a worker.
   *
   * @param queue where envelopes come from
   * @param events where events go
   * @param orgs org settings (masking, redaction)
   * @param maxEnvelopes most envelopes per transaction
   * @param pollWait how long one poll waits for work
   * @param observer told about every batch written
   */
  public IngestWorker(
      EventQueue queue,
      EventStore events,
      OrgDirectory orgs,
      int maxEnvelopes,
      Duration pollWait,
      BatchObserver observer) {
    this(queue, events, orgs, maxEnvelopes, pollWait, observer, StoredEventsListener.NONE);
  }

  /**
   * Wires a worker that also tells a listener about every committed batch.
   *
   * @param queue where envelopes come from
   * @param events where events go
   * @param orgs org settings (masking, redaction)
   * @param maxEnvelopes most envelopes per transaction
   * @param pollWait how long one poll waits for work
   * @param observer told about every batch written
   * @param listener told about the stored events after each commit (guardrails)
   */
  public IngestWorker(
      EventQueue queue,
      EventStore events,
      OrgDirectory orgs,
      int maxEnvelopes,
      Duration pollWait,
      BatchObserver observer,
      StoredEventsListener listener) {
    this.listener = listener;
    this.observer = observer;
    this.queue = queue;
    this.events = events;
    this.orgs = orgs;
    this.maxEnvelopes = maxEnvelopes;
    this.pollWait = pollWait;
  }

  /**
   * Polls once and processes what came.
   *
   * @param consumer this consumer's name in the group
   * @return the number of envelopes processed (acked or nacked)
   */
  public int runOnce(String consumer) {
    List<Delivery> deliveries = poll(consumer);
    if (deliveries.isEmpty()) {
      return 0;
    }
    List<EventBatch> batches = new ArrayList<>(deliveries.size());
    List<Delivery> writable = new ArrayList<>(deliveries.size());
    for (Delivery d : deliveries) {
      Optional<EventBatch> batch = prepare(d);
      if (batch.isPresent()) {
        batches.add(batch.get());
        writable.add(d);
      }
    }
    if (writable.isEmpty()) {
      return deliveries.size();
    }
    try {
      long start = System.nanoTime();
      appendWithRetry(batches);
      observer.written(
          batches.size(),
          batches.stream().mapToInt(b -> b.events().size()).sum(),
          System.nanoTime() - start);
      notifyStored(batches);
      queue.ack(writable);
    } catch (RuntimeException combined) {
      for (int i = 0; i < writable.size(); i++) {
        writeAlone(writable.get(i), batches.get(i));
      }
    }
    return deliveries.size();
  }

  /**
   * Tops batches up to a number of events: while the queue hands out full polls (a backlog) and the
   * batch holds fewer than {@code maxEvents} events, polls again without waiting, up to {@value
   * #MAX_TOP_UPS} polls. A queue that partitions by session delivers a request of many sessions as
   * many small parts, so a batch bounded only by envelopes would hold a fraction of the events and
   * pay the per-transaction cost of the database for each fraction.
   *
   * @param maxEvents the events a batch is topped up to; 0 (the default) polls once
   * @return this worker
   */
  public IngestWorker topUpTo(int maxEvents) {
    if (maxEvents < 0) {
      throw new IllegalArgumentException("maxEvents must be >= 0");
    }
    this.maxEvents = maxEvents;
    return this;
  }

  private List<Delivery> poll(String consumer) {
    List<Delivery> first = queue.poll(consumer, maxEnvelopes, pollWait);
    int events = maxEvents == 0 ? 0 : eventsIn(first);
    if (first.size() < maxEnvelopes || events >= maxEvents) {
      return first;
    }
    List<Delivery> all = new ArrayList<>(first);
    for (int polls = 1; polls < MAX_TOP_UPS && events < maxEvents; polls++) {
      List<Delivery> more = queue.poll(consumer, maxEnvelopes, Duration.ZERO);
      all.addAll(more);
      events += eventsIn(more);
      if (more.size() < maxEnvelopes) {
        break;
      }
    }
    return all;
  }

  private static int eventsIn(List<Delivery> deliveries) {
    int n = 0;
    for (Delivery d : deliveries) {
      n += d.envelope().events().size();
    }
    return n;
  }

  private void writeAlone(Delivery delivery, EventBatch batch) {
    try {
      appendWithRetry(List.of(batch));
      notifyStored(List.of(batch));
      queue.ack(delivery);
    } catch (InvalidInputException e) {
      // why: the store refuses this input on every attempt; retrying only delays the answer
      EventQueue.NackOutcome outcome = queue.reject(delivery, "rejected: " + oneLine(e));
      LOG.error(
          "envelope {} of org {} rejected as unstorable ({}): {}",
          delivery.envelope().id(),
          batch.orgId(),
          outcome,
          oneLine(e));
    } catch (RuntimeException e) {
      EventQueue.NackOutcome outcome =
          queue.nack(delivery, e.getClass().getSimpleName() + ": " + oneLine(e));
      String message = "envelope {} of org {}, attempt {}: {} ({})";
      Object[] args = {
        delivery.envelope().id(), batch.orgId(), delivery.attempt(), oneLine(e), outcome
      };
      if (outcome == EventQueue.NackOutcome.DEAD_LETTERED) {
        LOG.error(message, args);
      } else {
        LOG.warn(message, args);
      }
    }
  }

  private void notifyStored(List<EventBatch> batches) {
    try {
      listener.stored(batches);
    } catch (RuntimeException e) {
      // why: listeners run after the commit; their failure must never turn a stored batch into a
      // retried one
      LOG.warn("stored-events listener failed: {}", oneLine(e));
    }
  }

  private void appendWithRetry(List<EventBatch> batches) {
    for (int attempt = 1; ; attempt++) {
      try {
        events.append(batches);
        return;
      } catch (ConflictException e) {
        if (attempt >= CONFLICT_RETRIES) {
          throw e;
        }
      }
    }
  }

  private Optional<EventBatch> prepare(Delivery delivery) {
    Envelope envelope = delivery.envelope();
    Optional<OrgDirectory.Entry> org = orgs.find(envelope.orgId());
    if (org.isEmpty()) {
      // why: the org was deleted after the request was accepted; its events have nowhere to go
      queue.ack(delivery);
      LOG.info("dropped envelope {}: org {} no longer exists", envelope.id(), envelope.orgId());
      return Optional.empty();
    }
    List<Event> enriched = new ArrayList<>(envelope.events().size());
    try {
      for (Event e : envelope.events()) {
        enriched.add(EventEnrichment.apply(e, org.get().org().settings(), org.get().redaction()));
      }
    } catch (RuntimeException e) {
      queue.nack(delivery, "enrichment failed: " + oneLine(e));
      LOG.warn(
          "envelope {} of org {} could not be enriched: {}",
          envelope.id(),
          envelope.orgId(),
          oneLine(e));
      return Optional.empty();
    }
    return Optional.of(new EventBatch(envelope.orgId(), envelope.apiKeyId(), enriched));
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
