package ai.agentlens.queue.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/** The queue's depth and oldest pending age, over all its shards in one round trip each. */
final class ShardGauges {

  private static final byte[] FIRST = "-".getBytes(StandardCharsets.UTF_8);
  private static final byte[] LAST = "+".getBytes(StandardCharsets.UTF_8);

  private ShardGauges() {}

  /** The entries pending in all shards: the sum of their {@code XLEN}. */
  static long depth(Jedis j, Shard[] shards) {
    List<Response<Long>> lengths = new ArrayList<>(shards.length);
    try (Pipeline p = j.pipelined()) {
      for (Shard s : shards) {
        lengths.add(p.xlen(s.key()));
      }
      p.sync();
    }
    return lengths.stream().mapToLong(Response::get).sum();
  }

  /** The age of the oldest entry of any shard, by the server's clock; empty when none. */
  static Optional<Duration> oldestPendingAge(Jedis j, Shard[] shards) {
    List<Response<List<Object>>> firsts = new ArrayList<>(shards.length);
    Response<List<String>> time;
    try (Pipeline p = j.pipelined()) {
      for (Shard s : shards) {
        firsts.add(p.xrange(s.keyBytes(), FIRST, LAST, 1));
      }
      time = p.time();
      p.sync();
    }
    long oldest = Long.MAX_VALUE;
    for (Response<List<Object>> first : firsts) {
      for (StreamEntries.Entry e : StreamEntries.parse(first.get())) {
        // why: a stream id starts with the server's clock in ms at XADD
        oldest = Math.min(oldest, Long.parseLong(e.id().substring(0, e.id().indexOf('-'))));
      }
    }
    if (oldest == Long.MAX_VALUE) {
      return Optional.empty();
    }
    List<String> now = time.get();
    long nowMillis = Long.parseLong(now.get(0)) * 1000 + Long.parseLong(now.get(1)) / 1000;
    return Optional.of(Duration.ofMillis(Math.max(0, nowMillis - oldest)));
  }
}
