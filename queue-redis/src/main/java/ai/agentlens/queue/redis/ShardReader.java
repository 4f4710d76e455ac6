package ai.agentlens.queue.redis;

import ai.agentlens.core.port.queue.Delivery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntryBinary;

/**
 * Reads new entries from the shards a consumer holds, never more than asked: first at once, shard
 * after shard in one Lua script that stops when the batch is full (a plain {@code XREADGROUP}
 * applies its {@code COUNT} to each stream, so it would hand out up to shards × count); then, when
 * nothing was there, by a blocking {@code XREADGROUP} over the shards whose per-stream share keeps
 * the total within the batch. Each call starts at the next shard, so no shard is always served
 * last.
 */
final class ShardReader {

  private static final byte[] READ =
      """
      local left = tonumber(ARGV[3])
      local out = {}
      for i = 1, #KEYS do
        if left <= 0 then break end
        local r = redis.call('XREADGROUP', 'GROUP', ARGV[1], ARGV[2], 'COUNT', left,
          'STREAMS', KEYS[i], '>')
        if r then
          out[#out + 1] = {KEYS[i], r[1][2]}
          left = left - #r[1][2]
        end
      end
      return out
      """
          .getBytes(StandardCharsets.UTF_8);

  private final Shard[] shards;
  private final Map<String, Shard> byKey = new LinkedHashMap<>();
  private final byte[] group;
  private final AtomicInteger rotation = new AtomicInteger();

  ShardReader(Shard[] shards, String group) {
    this.shards = shards;
    for (Shard s : shards) {
      byKey.put(s.key(), s);
    }
    this.group = group.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Adds up to {@code count} new entries of the held shards to {@code out}, waiting up to {@code
   * blockMillis} for a first one when none is there.
   */
  void read(Jedis j, String consumer, int[] mine, int count, long blockMillis, List<Delivery> out) {
    byte[] name = consumer.getBytes(StandardCharsets.UTF_8);
    int start = Math.floorMod(rotation.getAndIncrement(), mine.length);
    List<byte[]> keys = new ArrayList<>(mine.length);
    for (int i = 0; i < mine.length; i++) {
      keys.add(shards[mine[(start + i) % mine.length]].keyBytes());
    }
    byte[] limit = Integer.toString(count).getBytes(StandardCharsets.UTF_8);
    int before = out.size();
    for (Object perStream : (List<?>) j.eval(READ, keys, List.of(group, name, limit))) {
      List<?> pair = (List<?>) perStream;
      Shard shard = byKey.get(new String((byte[]) pair.get(0), StandardCharsets.UTF_8));
      for (StreamEntries.Entry e : StreamEntries.parse((List<?>) pair.get(1))) {
        shard.dead().deliverOrMoveIn(j, e.id(), e.field(RedisEventQueue.FIELD), 1, out);
      }
    }
    if (out.size() == before && blockMillis > 0) {
      block(j, name, keys.subList(0, Math.min(count, keys.size())), count, blockMillis, out);
    }
  }

  private void block(
      Jedis j, byte[] name, List<byte[]> keys, int count, long millis, List<Delivery> out) {
    // why: COUNT applies per stream; this share keeps the sum within the batch
    XReadGroupParams params =
        XReadGroupParams.xReadGroupParams().count(count / keys.size()).block((int) millis);
    Map<byte[], StreamEntryID> streams = new LinkedHashMap<>();
    keys.forEach(k -> streams.put(k, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
    var reply = j.xreadGroupBinary(group, name, params, streams);
    if (reply == null) {
      return;
    }
    for (var perStream : reply) {
      Shard shard = byKey.get(new String(perStream.getKey(), StandardCharsets.UTF_8));
      for (StreamEntryBinary entry : perStream.getValue()) {
        shard.dead().deliverOrMoveIn(j, entry.getID().toString(), field(entry), 1, out);
      }
    }
  }

  private static byte[] field(StreamEntryBinary entry) {
    for (var f : entry.getFields().entrySet()) {
      if (Arrays.equals(f.getKey(), RedisEventQueue.FIELD_BYTES)) {
        return f.getValue();
      }
    }
    return null;
  }
}
