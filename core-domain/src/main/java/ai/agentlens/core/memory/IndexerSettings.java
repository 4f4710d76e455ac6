package ai.agentlens.core.memory;

import java.time.Duration;

/**
 * How the {@link MemoryIndexer} batches.
 *
 * @param backlog the most items waiting to be embedded; more are dropped (and counted)
 * @param batchSize the most texts per call to the model
 * @param flushInterval the longest a partial batch waits for more items before it is embedded
 * @param busyShare the share of wall time the worker may spend embedding while events are being
 *     stored (within the last second), in (0, 1]; 1 means never pause
 */
public record IndexerSettings(
    int backlog, int batchSize, Duration flushInterval, double busyShare) {

  /** The share of wall time embedding takes while ingestion is busy, unless configured. */
  public static final double DEFAULT_BUSY_SHARE = 0.2;

  /** The reference server's values: 10,000 waiting, 32 per batch, 1 s; 20 % while busy. */
  public static final IndexerSettings DEFAULTS =
      new IndexerSettings(10_000, 32, Duration.ofSeconds(1));

  /** Rejects impossible values. */
  public IndexerSettings {
    if (backlog < 1 || batchSize < 1 || flushInterval == null || flushInterval.isNegative()) {
      throw new IllegalArgumentException(
          "embedding backlog and batch size must be >= 1 and the flush interval >= 0");
    }
    if (!(busyShare > 0 && busyShare <= 1)) {
      throw new IllegalArgumentException("the embedding busy share must be in (0, 1]");
    }
  }

  /**
   * Settings with the default busy share.
   *
   * @param backlog the most items waiting
   * @param batchSize the most texts per call to the model
   * @param flushInterval the longest a partial batch waits
   */
  public IndexerSettings(int backlog, int batchSize, Duration flushInterval) {
    this(backlog, batchSize, flushInterval, DEFAULT_BUSY_SHARE);
  }
}
