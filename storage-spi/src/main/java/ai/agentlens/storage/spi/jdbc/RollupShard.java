package ai.agentlens.storage.spi.jdbc;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Picks the roll-up shard a writing thread adds to: a number of its own, from a random start per
 * process, modulo the shard count. Threads of one process take distinct shards while there are
 * fewer threads than shards, and two processes rarely line up, so their workers seldom wait on the
 * same roll-up rows. Readers sum over shards, so any choice keeps the roll-ups correct.
 */
final class RollupShard {

  // why: thread ids repeat across processes started alike, so "thread id modulo shards" put the
  // workers of two worker processes on the same roll-up rows
  private static final AtomicInteger NEXT =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 16));
  private static final ThreadLocal<Integer> MINE = ThreadLocal.withInitial(NEXT::getAndIncrement);

  private RollupShard() {}

  /**
   * Returns the calling thread's shard.
   *
   * @param shards how many shards a roll-up key is spread over, at least 1
   * @return a shard in {@code [0, shards)}, the same for the thread while {@code shards} is
   */
  static int of(int shards) {
    return Math.floorMod(MINE.get(), shards);
  }
}
