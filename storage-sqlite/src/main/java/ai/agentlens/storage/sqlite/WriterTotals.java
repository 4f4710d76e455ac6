package ai.agentlens.storage.sqlite;

import ai.agentlens.storage.spi.StorageProvider;

/**
 * The single writer's running totals for metrics. Only the writer thread adds (so plain volatile
 * fields suffice); scrapes read from any thread and may see one group's figures half added.
 */
final class WriterTotals {

  private volatile long commits;
  private volatile long units;
  private volatile long busyNanos;
  private volatile long commitNanos;
  private volatile long unitWaitNanos;
  private volatile long backgroundNanos;

  /**
   * Adds one group. Writer thread only.
   *
   * @param units units in the group
   * @param waitedNanos their summed wait from queued to the group's start
   * @param startNanos when the group started
   * @param commitStartNanos when its commit started
   * @param endNanos when its commit (or rollback) ended
   */
  void addGroup(
      int units, long waitedNanos, long startNanos, long commitStartNanos, long endNanos) {
    this.unitWaitNanos += waitedNanos;
    this.units += units;
    this.commitNanos += endNanos - commitStartNanos;
    this.busyNanos += endNanos - startNanos;
    this.commits++;
  }

  /**
   * Adds the run of one background unit. Writer thread only.
   *
   * @param nanos how long the unit ran, its commit not included
   */
  void addBackground(long nanos) {
    this.backgroundNanos += nanos;
  }

  /**
   * Returns the totals so far.
   *
   * @param waiting units queued now and not yet taken
   * @return the totals
   */
  StorageProvider.WriterStats snapshot(int waiting) {
    return new StorageProvider.WriterStats(
        commits, units, busyNanos, commitNanos, unitWaitNanos, backgroundNanos, waiting);
  }
}
