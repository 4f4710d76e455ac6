package ai.agentlens.core.memory;

import java.time.Duration;

/**
 * How the {@link MemoryIndexer} batches.
 *
 * @param backlog the most items waiting to be embedded; more are dropped (and counted)
 * @param batchSize the most texts per call to the model
 * @param flushInterval the longest a partial batch waits for more items before it is embedded
 */
public record IndexerSettings(int backlog, int batchSize, Duration flushInterval) {

  /** The reference server's values: 10,000 waiting, 32 per batch, 1 s. */
  public static final IndexerSettings DEFAULTS =
      new IndexerSettings(10_000, 32, Duration.ofSeconds(1));

  /** Rejects impossible values. */
  public IndexerSettings {
    if (backlog < 1 || batchSize < 1 || flushInterval == null || flushInterval.isNegative()) {
      throw new IllegalArgumentException(
          "embedding backlog and batch size must be >= 1 and the flush interval >= 0");
    }
  }
}
