package ai.agentlens.storage.spi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Each writing thread keeps one roll-up shard, distinct from the other threads' while they fit. */
class RollupShardTest {

  @Test
  void threadsOfOneProcessTakeDistinctShardsAndKeepThem() throws InterruptedException {
    Set<Integer> shards = ConcurrentHashMap.newKeySet();
    Set<Boolean> stable = ConcurrentHashMap.newKeySet();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Thread t =
          new Thread(
              () -> {
                int mine = RollupShard.of(8);
                shards.add(mine);
                stable.add(RollupShard.of(8) == mine);
              });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(shards).hasSize(8).allSatisfy(s -> assertThat(s).isBetween(0, 7));
    assertThat(stable).containsExactly(true);
  }

  @Test
  void oneShardMeansShardZero() {
    assertThat(RollupShard.of(1)).isZero();
  }
}
