package ai.agentlens.bench;

import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.port.storage.EventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;

/**
 * Writes exactly {@code total} events of generated sessions through {@link EventStore#append} from
 * several threads, each with its own generator (so sessions never overlap and no two threads wait
 * on one session's chain tail), and reports progress (events/s, ETA) on standard error.
 */
final class LoadRun {

  private static final long REPORT_NANOS = 15_000_000_000L;

  private final EventStore store;
  private final long total;
  private final int batchEvents;
  private final LongFunction<AnalyticsSessions> generators;
  private final AtomicLong reserved = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  LoadRun(
      EventStore store, long total, int batchEvents, LongFunction<AnalyticsSessions> generators) {
    this.store = store;
    this.total = total;
    this.batchEvents = batchEvents;
    this.generators = generators;
  }

  /**
   * Runs the threads to the end and prints the overall rate.
   *
   * @param threads writer threads
   * @throws Exception when a thread failed
   */
  void execute(int threads) throws Exception {
    long t0 = System.nanoTime();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      long seed = 1_000L + i;
      Thread t = new Thread(() -> work(generators.apply(seed)), "loader-" + i);
      workers.add(t);
      t.start();
    }
    long lastAt = t0;
    long lastCount = 0;
    while (workers.stream().anyMatch(Thread::isAlive)) {
      workers.get(0).join(1_000);
      long at = System.nanoTime();
      if (at - lastAt >= REPORT_NANOS) {
        long count = written.get();
        report(count, (count - lastCount) / ((at - lastAt) / 1e9), at - t0);
        lastAt = at;
        lastCount = count;
      }
      if (failure.get() != null) {
        break;
      }
    }
    for (Thread t : workers) {
      t.join();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("loader thread failed", failure.get());
    }
    double s = (System.nanoTime() - t0) / 1e9;
    System.err.printf(
        "[loader] wrote %,d events in %.0f s: %,.0f events/s%n",
        written.get(), s, written.get() / s);
  }

  private void report(long count, double recentRate, long elapsedNanos) {
    double overall = count / (elapsedNanos / 1e9);
    long etaSeconds = overall > 0 ? (long) ((total - count) / overall) : -1;
    System.err.printf(
        "[loader] %,d of %,d (%.1f %%) | %,.0f events/s now, %,.0f overall | ETA %d:%02d:%02d%n",
        count,
        total,
        100.0 * count / total,
        recentRate,
        overall,
        etaSeconds / 3600,
        etaSeconds / 60 % 60,
        etaSeconds % 60);
  }

  private void work(AnalyticsSessions sessions) {
    try {
      while (failure.get() == null) {
        List<EventBatch> group = new ArrayList<>();
        int size = 0;
        while (size < batchEvents) {
          EventBatch b = sessions.next();
          group.add(b);
          size += b.events().size();
        }
        long start = reserved.getAndAdd(size);
        if (start >= total) {
          return;
        }
        if (start + size > total) {
          group = trim(group, (int) (total - start));
          size = (int) (total - start);
        }
        append(group);
        written.addAndGet(size);
      }
    } catch (Throwable e) {
      failure.compareAndSet(null, e);
    }
  }

  private void append(List<EventBatch> group) {
    for (int attempt = 1; ; attempt++) {
      try {
        store.append(group);
        return;
      } catch (ConflictException e) {
        if (!e.retryable() || attempt == 5) {
          throw e;
        }
      }
    }
  }

  private static List<EventBatch> trim(List<EventBatch> group, int keep) {
    List<EventBatch> out = new ArrayList<>();
    for (EventBatch b : group) {
      if (keep <= 0) {
        break;
      }
      int n = Math.min(keep, b.events().size());
      out.add(new EventBatch(b.orgId(), b.apiKeyId(), b.events().subList(0, n)));
      keep -= n;
    }
    return out;
  }
}
