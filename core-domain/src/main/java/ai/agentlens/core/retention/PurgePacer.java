package ai.agentlens.core.retention;

import java.util.function.LongSupplier;

/**
 * Paces the retention purge: after a batch that took {@code t}, waits {@code t × (1 − share) /
 * share}, so the purge's batches take at most {@code share} of the wall time and the database —
 * SQLite's single writer above all, whose every batch ingestion waits behind — is free for
 * ingestion the rest of it. Unpaced, self-hosted ingestion fell to 6 % of its rate while a million
 * expired events were purged (docs/operations.md#retention-and-purge).
 */
public final class PurgePacer {

  /** No pacing: batches back to back (tests, or an operator who wants the purge over at once). */
  public static final PurgePacer NONE = new PurgePacer(1.0, System::nanoTime, n -> {});

  /** Waits; a test passes one that records instead. */
  @FunctionalInterface
  public interface Sleeper {
    /**
     * Waits about this long.
     *
     * @param nanos the time to wait, &gt; 0
     * @throws InterruptedException when interrupted
     */
    void sleep(long nanos) throws InterruptedException;
  }

  private final double share;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;

  /**
   * Creates a pacer.
   *
   * @param share the most of the wall time the purge's batches may take, in (0, 1]; 1 = no pause
   * @param nanoTime the monotonic clock batches are timed by
   * @param sleeper how to wait
   * @throws IllegalArgumentException when the share is outside (0, 1]
   */
  public PurgePacer(double share, LongSupplier nanoTime, Sleeper sleeper) {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be in (0, 1], got " + share);
    }
    this.share = share;
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
  }

  /**
   * Creates a pacer on the system clock that sleeps the calling thread.
   *
   * @param share the most of the wall time the purge's batches may take, in (0, 1]
   * @return the pacer
   */
  public static PurgePacer of(double share) {
    return share >= 1
        ? NONE
        : new PurgePacer(
            share, System::nanoTime, n -> Thread.sleep(n / 1_000_000, (int) (n % 1_000_000)));
  }

  /**
   * Returns the monotonic time a batch starts at.
   *
   * @return the clock's reading
   */
  long start() {
    return nanoTime.getAsLong();
  }

  /**
   * Waits after a batch as long as the share asks.
   *
   * @param started what {@link #start()} said before the batch
   * @throws IllegalStateException when the thread is interrupted while waiting (the purge stops;
   *     the next run goes on where it stopped)
   */
  void after(long started) {
    if (share >= 1) {
      return;
    }
    long took = Math.max(0, nanoTime.getAsLong() - started);
    long pause = (long) (took * (1 - share) / share);
    if (pause <= 0) {
      return;
    }
    try {
      sleeper.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("retention purge interrupted", e);
    }
  }
}
