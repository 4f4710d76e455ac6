package ai.agentlens.core.memory;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Keeps the embedding worker to a share of wall time while ingestion is busy, so embedding (CPU
 * heavy, never urgent) does not take the cores the ingest path needs: after each batch the worker
 * pauses {@code work × (1 − share) / share}, but only when events were stored within the last
 * second. When ingestion is quiet the worker runs at full speed and drains its backlog.
 * Thread-safe.
 */
final class IngestAwareThrottle {

  private static final long BUSY_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long MAX_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final double busyShare;
  private final LongSupplier nanoClock;
  private volatile boolean everIngested;
  private volatile long lastIngest;

  /**
   * @param busyShare the share of wall time embedding may take while ingestion is busy, in (0, 1];
   *     1 never pauses
   * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime})
   */
  IngestAwareThrottle(double busyShare, LongSupplier nanoClock) {
    this.busyShare = busyShare;
    this.nanoClock = nanoClock;
  }

  /** Records that events were stored just now. */
  void ingested() {
    lastIngest = nanoClock.getAsLong();
    everIngested = true;
  }

  /**
   * Whether events were stored within the last second.
   *
   * @return {@code true} while ingestion is busy
   */
  boolean busy() {
    return everIngested && nanoClock.getAsLong() - lastIngest < BUSY_WINDOW_NANOS;
  }

  /**
   * How long to pause after a batch that took {@code workNanos}.
   *
   * @param workNanos the time the batch took
   * @return nanoseconds to pause: zero when ingestion is quiet or the share is 1, at most 10 s
   */
  long pauseAfter(long workNanos) {
    if (busyShare >= 1.0 || workNanos <= 0 || !busy()) {
      return 0;
    }
    return Math.min((long) (workNanos * (1.0 - busyShare) / busyShare), MAX_PAUSE_NANOS);
  }
}
