package ai.agentlens.queue.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.Jedis;

/**
 * Gives each shard of a queue to one consumer at a time. A consumer's poll calls {@link #owned}; at
 * most every {@link #renewMillis()} that runs one Lua script which, atomically on the server:
 * records the consumer as live (a sorted set scored by the server's clock), forgets consumers not
 * seen for a lease time, renews the consumer's leases up to its fair share ({@code ceil(shards /
 * live consumers)}), gives back what it holds above that share, and takes free shards up to it. A
 * consumer that stops polling keeps its shards until its leases expire (half the visibility
 * timeout); {@link #releaseAll} gives them back at once on a clean shutdown.
 *
 * <p>A lease is a placement, not a fence: an entry is still delivered at least once and
 * acknowledged by receipt, and writes stay idempotent, so two consumers briefly reading one shard
 * (a lease that expired while its holder was still working) costs lock waits, never correctness.
 */
final class ShardLeases {

  private static final String BALANCE =
      """
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      local ttl = tonumber(ARGV[2])
      redis.call('ZADD', KEYS[1], now, ARGV[1])
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - ttl)
      redis.call('PEXPIRE', KEYS[1], ttl * 4)
      local fair = math.ceil((#KEYS - 1) / redis.call('ZCARD', KEYS[1]))
      local mine = {}
      local free = {}
      for i = 2, #KEYS do
        local owner = redis.call('GET', KEYS[i])
        if owner == ARGV[1] then
          if #mine < fair then
            redis.call('PEXPIRE', KEYS[i], ttl)
            mine[#mine + 1] = i - 2
          else
            redis.call('DEL', KEYS[i])
          end
        elseif not owner then
          free[#free + 1] = i
        end
      end
      for _, i in ipairs(free) do
        if #mine >= fair then break end
        redis.call('SET', KEYS[i], ARGV[1], 'PX', ttl)
        mine[#mine + 1] = i - 2
      end
      return mine
      """;

  private static final String RELEASE =
      """
      for i = 2, #KEYS do
        if redis.call('GET', KEYS[i]) == ARGV[1] then redis.call('DEL', KEYS[i]) end
      end
      redis.call('ZREM', KEYS[1], ARGV[1])
      return 1
      """;

  private final List<String> keys;
  private final long ttlMillis;
  private final long renewNanos;
  private final Map<String, Held> held = new ConcurrentHashMap<>();

  private record Held(int[] shards, long renewAt) {}

  /**
   * @param base the queue's key base ({@code <prefix>{<name>}}), so the keys share its hash slot
   * @param shards how many shards
   * @param visibility the queue's visibility timeout; a lease lasts half of it
   */
  ShardLeases(String base, int shards, Duration visibility) {
    List<String> k = new ArrayList<>(shards + 1);
    k.add(base + ":consumers");
    for (int i = 0; i < shards; i++) {
      k.add(base + ":lease:" + i);
    }
    this.keys = List.copyOf(k);
    this.ttlMillis = Math.max(20, visibility.toMillis() / 2);
    this.renewNanos = Duration.ofMillis(Math.min(1000, Math.max(5, ttlMillis / 3))).toNanos();
  }

  long renewMillis() {
    return renewNanos / 1_000_000;
  }

  /**
   * Returns the shards the consumer holds, renewing and rebalancing its leases when they are due.
   *
   * @return shard indexes, possibly none (more live consumers than shards, or all still held)
   */
  int[] owned(Jedis j, String consumer) {
    Held h = held.get(consumer);
    long now = System.nanoTime();
    if (h != null && h.renewAt - now > 0) {
      return h.shards;
    }
    List<?> reply = (List<?>) j.eval(BALANCE, keys, List.of(consumer, Long.toString(ttlMillis)));
    int[] shards = new int[reply.size()];
    for (int i = 0; i < shards.length; i++) {
      shards[i] = ((Long) reply.get(i)).intValue();
    }
    held.put(consumer, new Held(shards, now + renewNanos));
    return shards;
  }

  /** Gives back the leases of every consumer that polled through this process's queue. */
  void releaseAll(Jedis j) {
    for (String consumer : held.keySet()) {
      j.eval(RELEASE, keys, List.of(consumer));
    }
    held.clear();
  }
}
