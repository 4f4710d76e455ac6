package ai.agentlens.core.transfer;

import ai.agentlens.core.event.AppendResult;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.port.storage.EventStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * The write side of an import: events go to one of a few lanes by session, each lane appends its
 * batches in file order on its own thread, so a session's events keep their order while the file is
 * read and parsed on the caller's thread and the lanes write at once (two PostgreSQL connections
 * take about twice the rows of one; SQLite's single writer commits their batches together). At most
 * two batches per lane wait or run, so memory stays bounded. The first write failure stops the
 * import: it is thrown by the next {@link #add} or by {@link #finish}.
 */
final class ImportLanes {

  private record Batch(List<EventLine> lines, List<Long> numbers) {}

  private final EventStore events;
  private final String orgId;
  private final int batchSize;
  private final LongConsumer progress;
  private final List<Batch> filling = new ArrayList<>();
  private final List<ExecutorService> threads = new ArrayList<>();
  private final List<Semaphore> slots = new ArrayList<>();
  private final AtomicLong imported = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong rechained = new AtomicLong();
  private final List<ImportReport.LineError> errors = new ArrayList<>();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

  ImportLanes(EventStore events, String orgId, int lanes, int batchSize, LongConsumer progress) {
    this.events = events;
    this.orgId = orgId;
    this.batchSize = batchSize;
    this.progress = progress;
    for (int i = 0; i < lanes; i++) {
      filling.add(new Batch(new ArrayList<>(batchSize), new ArrayList<>(batchSize)));
      threads.add(
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "import-lane");
                t.setDaemon(true);
                return t;
              }));
      slots.add(new Semaphore(2));
    }
  }

  /** Queues one valid event line; hands its lane's batch to the lane when full. */
  void add(EventLine line, long number) {
    rethrow();
    int lane = Math.floorMod(line.event().sessionId().hashCode(), filling.size());
    Batch b = filling.get(lane);
    b.lines().add(line);
    b.numbers().add(number);
    if (b.lines().size() == batchSize) {
      submit(lane);
    }
  }

  /** Writes what is queued, waits for every lane and stops their threads. */
  void finish() {
    try {
      for (int lane = 0; lane < filling.size(); lane++) {
        if (!filling.get(lane).lines().isEmpty()) {
          submit(lane);
        }
      }
      for (int lane = 0; lane < filling.size(); lane++) {
        slots.get(lane).acquireUninterruptibly(2);
      }
    } finally {
      close();
    }
    rethrow();
  }

  /** Stops the lanes' threads (after {@link #finish}, or when the import failed). Idempotent. */
  void close() {
    threads.forEach(ExecutorService::shutdownNow);
  }

  long imported() {
    return imported.get();
  }

  long duplicates() {
    return duplicates.get();
  }

  long rechained() {
    return rechained.get();
  }

  /** The first {@link OrgImport#MAX_ERRORS} chain differences the lanes reported. */
  List<ImportReport.LineError> errors() {
    synchronized (errors) {
      return List.copyOf(errors);
    }
  }

  private void submit(int lane) {
    Batch b = filling.get(lane);
    filling.set(lane, new Batch(new ArrayList<>(batchSize), new ArrayList<>(batchSize)));
    Semaphore slot = slots.get(lane);
    slot.acquireUninterruptibly();
    threads
        .get(lane)
        .execute(
            () -> {
              try {
                if (failure.get() == null) {
                  write(b);
                }
              } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
              } finally {
                slot.release();
              }
            });
  }

  private void write(Batch b) {
    List<Event> batch = b.lines().stream().map(EventLine::event).toList();
    AppendResult result = events.append(new EventBatch(orgId, null, batch));
    duplicates.addAndGet(result.duplicateIds().size());
    compare(b, result.stored());
    progress.accept(imported.addAndGet(result.stored().size()));
  }

  private void compare(Batch b, List<Event> stored) {
    Map<String, Event> byId = new HashMap<>();
    for (Event e : stored) {
      byId.put(e.id(), e);
    }
    for (int i = 0; i < b.lines().size(); i++) {
      EventLine want = b.lines().get(i);
      Event got = byId.get(want.event().id());
      if (got == null || want.hash() == null) {
        continue;
      }
      if (want.event().keepsOwnHash()) {
        if (!got.keepsOwnHash()) {
          rechained(
              b.numbers().get(i),
              "stored with sequence "
                  + got.sequence()
                  + " and a new recipe-1 hash: its prev_hash is not the hash its session ended"
                  + " with here");
        }
      } else if (got.sequence() != want.sequence() || !got.hash().equals(want.hash())) {
        rechained(
            b.numbers().get(i),
            "stored with sequence "
                + got.sequence()
                + " and a new hash: its session already held other events in this org");
      }
    }
  }

  private void rechained(long line, String message) {
    rechained.incrementAndGet();
    synchronized (errors) {
      if (errors.size() < OrgImport.MAX_ERRORS) {
        errors.add(new ImportReport.LineError(line, message));
      }
    }
  }

  private void rethrow() {
    RuntimeException e = failure.get();
    if (e != null) {
      throw e;
    }
  }
}
