package ai.agentlens.queue.redis;

import ai.agentlens.core.event.Envelope;
import ai.agentlens.core.port.queue.DeadLetter;
import ai.agentlens.core.port.queue.Delivery;
import ai.agentlens.queue.spi.EnvelopeCodec;
import ai.agentlens.queue.spi.EnvelopeDecodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;

/**
 * The dead letters of one shard of a {@link RedisEventQueue}: a second stream next to the queue's
 * (same hash tag, so all live in one cluster slot), shared by the queue's shards. Moves in and out
 * are Lua scripts, so an envelope is always in exactly one of the two streams.
 */
final class RedisDeadLetters {

  /**
   * Moves a still-pending entry to the dead letters: XACK, copy, XDEL in one step. Does nothing
   * (returns 0) when the entry is no longer pending, so a dead letter is never written twice.
   */
  private static final String MOVE_IN =
      """
      if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
      local found = redis.call('XRANGE', KEYS[1], ARGV[2], ARGV[2])
      redis.call('XDEL', KEYS[1], ARGV[2])
      local e = ''
      if #found > 0 then
        local f = found[1][2]
        for i = 1, #f, 2 do if f[i] == 'e' then e = f[i + 1] end end
      end
      redis.call('XADD', KEYS[2], '*', 'e', e, 'src', ARGV[2], 'attempts', ARGV[3],
        'reason', ARGV[4], 'at', ARGV[5])
      return 1
      """;

  /** Publishes a dead letter's envelope again (fresh entry, fresh count) and deletes the letter. */
  private static final String MOVE_OUT =
      """
      local found = redis.call('XRANGE', KEYS[2], ARGV[1], ARGV[1])
      if #found == 0 then return 0 end
      local f = found[1][2]
      local e = ''
      for i = 1, #f, 2 do if f[i] == 'e' then e = f[i + 1] end end
      redis.call('XADD', KEYS[1], '*', 'e', e)
      redis.call('XDEL', KEYS[2], ARGV[1])
      return 1
      """;

  private static final Pattern STREAM_ID = Pattern.compile("\\d{1,20}-\\d{1,20}");

  private final String stream;
  private final String dead;
  private final String group;
  private final String receiptPrefix;

  RedisDeadLetters(String stream, String dead, String group, int shard) {
    this.stream = stream;
    this.dead = dead;
    this.group = group;
    this.receiptPrefix = shard + ":";
  }

  String key() {
    return dead;
  }

  /** Dead-letters a pending entry; {@code false} when it was no longer pending. */
  boolean moveIn(Jedis jedis, String entryId, int attempts, String reason) {
    Object moved =
        jedis.eval(
            MOVE_IN,
            List.of(stream, dead),
            List.of(
                group,
                entryId,
                Integer.toString(attempts),
                reason,
                Long.toString(System.currentTimeMillis())));
    return Long.valueOf(1).equals(moved);
  }

  /** Adds a delivery, or dead-letters the entry when its bytes are not an envelope (poison). */
  void deliverOrMoveIn(Jedis jedis, String id, byte[] bytes, int attempt, List<Delivery> out) {
    try {
      out.add(new Delivery(receiptPrefix + id, EnvelopeCodec.decode(bytes), attempt));
    } catch (EnvelopeDecodingException e) {
      moveIn(jedis, id, attempt, "undecodable: " + e.getMessage());
    }
  }

  boolean replay(Jedis jedis, String deadLetterId) {
    if (!STREAM_ID.matcher(deadLetterId).matches()) {
      return false;
    }
    return Long.valueOf(1)
        .equals(jedis.eval(MOVE_OUT, List.of(stream, dead), List.of(deadLetterId)));
  }

  /** The envelope of a dead letter, or {@code null} when there is none or it is undecodable. */
  Envelope envelopeOf(Jedis jedis, String deadLetterId) {
    if (!STREAM_ID.matcher(deadLetterId).matches()) {
      return null;
    }
    byte[] id = deadLetterId.getBytes(StandardCharsets.UTF_8);
    List<StreamEntries.Entry> found =
        StreamEntries.parse(jedis.xrange(dead.getBytes(StandardCharsets.UTF_8), id, id, 1));
    return found.isEmpty() ? null : decodeOrNull(found.get(0).field(RedisEventQueue.FIELD));
  }

  long count(Jedis jedis) {
    return jedis.xlen(dead);
  }

  List<DeadLetter> list(Jedis jedis, int limit) {
    List<Object> raw =
        jedis.xrange(
            dead.getBytes(StandardCharsets.UTF_8),
            "-".getBytes(StandardCharsets.UTF_8),
            "+".getBytes(StandardCharsets.UTF_8),
            limit);
    List<DeadLetter> out = new ArrayList<>();
    for (StreamEntries.Entry e : StreamEntries.parse(raw)) {
      out.add(
          new DeadLetter(
              e.id(),
              decodeOrNull(e.field(RedisEventQueue.FIELD)),
              Integer.parseInt(e.text("attempts")),
              e.text("reason"),
              Instant.ofEpochMilli(Long.parseLong(e.text("at")))));
    }
    return out;
  }

  long purge(Jedis jedis) {
    Transaction t = jedis.multi();
    var count = t.xlen(dead);
    t.del(dead);
    t.exec();
    return count.get();
  }

  private static Envelope decodeOrNull(byte[] bytes) {
    try {
      return EnvelopeCodec.decode(bytes);
    } catch (EnvelopeDecodingException e) {
      return null;
    }
  }
}
