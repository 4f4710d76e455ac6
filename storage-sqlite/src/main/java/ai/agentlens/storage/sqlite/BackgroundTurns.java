package ai.agentlens.storage.sqlite;

import ai.agentlens.storage.spi.jdbc.Transactor;
import java.time.Duration;

/**
 * When {@link SqliteWriter} may run a background unit: alone, once its queue has stayed empty for
 * {@code idle}; or ahead of waiting units, once the unit has waited {@link
 * Transactor#BACKGROUND_MAX_WAIT}, no more often than keeps such turns to {@link #SHARE} of the
 * writer's time. Writer thread only.
 *
 * <p>why: at 14,000 events/s the LLM request log's runs (~40 ms each) took 11–14 % of the writer,
 * mostly started in the few-millisecond gaps the two ingest workers leave between their units, and
 * each made both workers' next units wait for it
 */
final class BackgroundTurns {

  /**
   * The share of the writer's time background units may take by going ahead of waiting units: after
   * one that went first ran for <i>t</i>, the next goes first no sooner than <i>t</i> × (1 − share)
   * / share later. Units that run alone when the writer is idle are not counted.
   */
  static final double SHARE = 0.05;

  /** How long the queue must stay empty before a background unit runs alone (by default). */
  static final Duration IDLE = Duration.ofMillis(3);

  private final long idleNanos;
  private long firstNotBefore = System.nanoTime();

  /**
   * Creates the rules.
   *
   * @param idle how long the queue must stay empty before a background unit runs alone
   */
  BackgroundTurns(Duration idle) {
    this.idleNanos = idle.toNanos();
  }

  /**
   * Returns how long the writer waits for a unit before it runs a waiting background unit alone.
   *
   * @return nanoseconds
   */
  long idleNanos() {
    return idleNanos;
  }

  /**
   * Whether a background unit queued at {@code queuedAt} goes ahead of the units in the next group.
   *
   * @param queuedAt when it was queued ({@link System#nanoTime})
   * @return true once it waited long enough and the share allows a turn
   */
  boolean mayGoFirst(long queuedAt) {
    long now = System.nanoTime();
    return now - queuedAt > Transactor.BACKGROUND_MAX_WAIT.toNanos() && now - firstNotBefore >= 0;
  }

  /**
   * Records that a background unit went ahead of others and ran for {@code ranNanos}.
   *
   * @param ranNanos how long it ran
   */
  void wentFirst(long ranNanos) {
    firstNotBefore = System.nanoTime() + (long) (ranNanos * (1 - SHARE) / SHARE);
  }
}
