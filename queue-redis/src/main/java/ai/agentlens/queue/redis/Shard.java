package ai.agentlens.queue.redis;

import java.nio.charset.StandardCharsets;

/**
 * One shard of a {@link RedisEventQueue}: its stream, its way to the shared dead letters, and its
 * reclaimer. Shard 0's stream is {@code <prefix>{<name>}}, the key of the queue before it had
 * shards, so entries an older version left there are still delivered; shard {@code i > 0} is {@code
 * <prefix>{<name>}:<i>}.
 *
 * @param index the shard's number
 * @param key the stream's key
 * @param keyBytes the key's bytes
 * @param dead moves this shard's entries to and from the dead letters
 * @param reclaimer takes over this shard's overdue entries
 */
record Shard(int index, String key, byte[] keyBytes, RedisDeadLetters dead, Reclaimer reclaimer) {

  static Shard of(int index, String base, String deadKey, ai.agentlens.queue.spi.QueueSettings s) {
    String key = index == 0 ? base : base + ":" + index;
    RedisDeadLetters dead = new RedisDeadLetters(key, deadKey, s.group(), index);
    return new Shard(
        index, key, key.getBytes(StandardCharsets.UTF_8), dead, new Reclaimer(s, key, dead));
  }
}
