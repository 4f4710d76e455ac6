package ai.agentlens.core.memory;

import ai.agentlens.core.account.Secrets;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.ingest.StoredEventsListener;
import ai.agentlens.core.memory.model.StoredEmbedding;
import ai.agentlens.core.port.memory.EmbeddingModel;
import ai.agentlens.core.port.memory.EmbeddingStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedding worker (reference §4.3.7): told about every committed batch (as a {@link
 * StoredEventsListener}), it puts the events in a bounded backlog and returns at once; one daemon
 * thread takes them in batches of at most {@link IndexerSettings#batchSize()} (a partial batch
 * waits at most {@link IndexerSettings#flushInterval()}), turns each into its {@link EventSummaries
 * one-line summary}, embeds the texts with the configured model and {@link EmbeddingStore#upsert
 * upserts} them. While events are being stored the worker keeps to {@link
 * IndexerSettings#busyShare()} of wall time (it pauses after each batch), so it does not take the
 * cores ingestion needs; when ingestion is quiet it runs at full speed. A full backlog drops the
 * newest items and counts them, so ingestion is never blocked or slowed; a failed batch is counted
 * and not retried. A text already stored for the same (org, source, model) with the same content
 * hash in this process's recent memory is skipped. Without a model ({@link EmbeddingModels#none()})
 * it does nothing. Other features index session summaries through {@link #indexSession}.
 * Thread-safe.
 */
public final class MemoryIndexer implements StoredEventsListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MemoryIndexer.class);
  private static final int REMEMBERED = 10_000;
  private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

  private record SessionText(
      String orgId, String sessionId, String agentId, String text, Instant at) {}

  private final EmbeddingModels models;
  private final EmbeddingStore store;
  private final IndexerSettings settings;
  private final BlockingQueue<Object> backlog;
  private final AtomicLong embedded = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final IngestAwareThrottle throttle;
  private final Map<String, String> recent =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > REMEMBERED;
        }
      };
  private volatile boolean running;
  private volatile Thread thread;
  private volatile long lastWarn = System.nanoTime() - WARN_EVERY_NANOS;

  /**
   * Wires the worker; {@link #start} runs it.
   *
   * @param models the configured model, or none
   * @param store where vectors go
   * @param settings backlog and batching
   */
  public MemoryIndexer(EmbeddingModels models, EmbeddingStore store, IndexerSettings settings) {
    this.models = models;
    this.store = store;
    this.settings = settings;
    this.backlog = new ArrayBlockingQueue<>(settings.backlog());
    this.throttle = new IngestAwareThrottle(settings.busyShare(), System::nanoTime);
  }

  /**
   * Starts the worker thread (once); without a model nothing is started.
   *
   * @param threads makes the worker thread (named, daemon)
   */
  public synchronized void start(ThreadFactory threads) {
    if (running || !models.available()) {
      return;
    }
    running = true;
    Thread t = threads.newThread(this::loop);
    thread = t;
    t.start();
  }

  /** Stops the worker thread; items still waiting are left unembedded. */
  @Override
  public synchronized void close() {
    running = false;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }

  @Override
  public void stored(List<EventBatch> batches) {
    if (!models.available()) {
      return;
    }
    throttle.ingested();
    for (EventBatch b : batches) {
      for (Event e : b.events()) {
        offer(e);
      }
    }
  }

  /**
   * Queues a session summary for embedding (source type {@code session}, source id the session id).
   * Returns at once.
   *
   * @param orgId the org
   * @param sessionId the session
   * @param agentId the session's agent, or {@code null}
   * @param text the summary
   * @param at when the session ended
   * @return {@code false} when embeddings are off, the text is blank or the backlog is full
   */
  public boolean indexSession(
      String orgId, String sessionId, String agentId, String text, Instant at) {
    if (!models.available() || text == null || text.isBlank()) {
      return false;
    }
    return offer(new SessionText(orgId, sessionId, agentId, text.strip(), at));
  }

  private boolean offer(Object item) {
    if (backlog.offer(item)) {
      return true;
    }
    dropped.incrementAndGet();
    return false;
  }

  /**
   * What the worker has done so far.
   *
   * @return the counts and the backlog now
   */
  public IndexerStats stats() {
    return new IndexerStats(
        backlog.size(), embedded.get(), dropped.get(), failed.get(), skipped.get());
  }

  private void loop() {
    while (running) {
      try {
        List<Object> batch = take();
        if (!batch.isEmpty()) {
          long started = System.nanoTime();
          process(batch);
          long pause = throttle.pauseAfter(System.nanoTime() - started);
          if (pause > 0) {
            TimeUnit.NANOSECONDS.sleep(pause);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        warn("embedding worker step failed: {}", e.toString());
      }
    }
  }

  // why: a full batch goes at once; a partial one waits for company at most the flush interval
  private List<Object> take() throws InterruptedException {
    List<Object> batch = new ArrayList<>(settings.batchSize());
    Object first = backlog.poll(1, TimeUnit.SECONDS);
    if (first == null) {
      return batch;
    }
    batch.add(first);
    long deadline = System.nanoTime() + settings.flushInterval().toNanos();
    while (batch.size() < settings.batchSize()) {
      backlog.drainTo(batch, settings.batchSize() - batch.size());
      long left = deadline - System.nanoTime();
      if (batch.size() >= settings.batchSize() || left <= 0) {
        break;
      }
      Object next = backlog.poll(left, TimeUnit.NANOSECONDS);
      if (next == null) {
        break;
      }
      batch.add(next);
    }
    return batch;
  }

  /**
   * Embeds and stores whatever is waiting now, in batches, in the calling thread (tests and
   * benchmarks; the worker thread does the same in production).
   *
   * @return how many texts were embedded and stored
   */
  public int drainNow() {
    int done = 0;
    List<Object> batch = new ArrayList<>();
    while (backlog.drainTo(batch, settings.batchSize()) > 0) {
      done += process(batch);
      batch.clear();
    }
    return done;
  }

  private synchronized int process(List<Object> items) {
    Optional<EmbeddingModel> current = models.current();
    if (current.isEmpty()) {
      return 0;
    }
    EmbeddingModel model = current.get();
    List<StoredEmbedding> rows = new ArrayList<>(items.size());
    for (Object item : items) {
      StoredEmbedding row = row(item, model.name());
      if (row == null) {
        continue;
      }
      if (row.contentHash().equals(recent.get(key(row)))) {
        skipped.incrementAndGet();
        continue;
      }
      rows.add(row);
    }
    if (rows.isEmpty()) {
      return 0;
    }
    try {
      List<String> texts = new ArrayList<>(rows.size());
      rows.forEach(r -> texts.add(r.text()));
      List<float[]> vectors = model.embed(texts);
      List<StoredEmbedding> out = new ArrayList<>(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        StoredEmbedding r = rows.get(i);
        out.add(
            new StoredEmbedding(
                r.orgId(),
                r.sourceType(),
                r.sourceId(),
                r.sessionId(),
                r.agentId(),
                r.text(),
                r.contentHash(),
                r.model(),
                vectors.get(i),
                r.createdAt()));
      }
      store.upsert(out);
      out.forEach(r -> recent.put(key(r), r.contentHash()));
      embedded.addAndGet(out.size());
      return out.size();
    } catch (RuntimeException e) {
      failed.addAndGet(rows.size());
      warn("embedding a batch failed ({} texts dropped): {}", rows.size(), e.getMessage());
      return 0;
    }
  }

  private static StoredEmbedding row(Object item, String model) {
    if (item instanceof Event e) {
      return EventSummaries.of(e)
          .map(
              text ->
                  new StoredEmbedding(
                      e.orgId(),
                      "event",
                      e.id(),
                      e.sessionId(),
                      e.agentId(),
                      text,
                      Secrets.sha256(text),
                      model,
                      null,
                      e.timestamp()))
          .orElse(null);
    }
    SessionText s = (SessionText) item;
    return new StoredEmbedding(
        s.orgId(),
        "session",
        s.sessionId(),
        s.sessionId(),
        s.agentId(),
        s.text(),
        Secrets.sha256(s.text()),
        model,
        null,
        s.at());
  }

  private static String key(StoredEmbedding r) {
    return r.orgId() + '\n' + r.sourceType() + '\n' + r.sourceId() + '\n' + r.model();
  }

  private void warn(String format, Object... args) {
    long now = System.nanoTime();
    if (now - lastWarn >= WARN_EVERY_NANOS) {
      lastWarn = now;
      LOG.warn(format, args);
    }
  }
}
