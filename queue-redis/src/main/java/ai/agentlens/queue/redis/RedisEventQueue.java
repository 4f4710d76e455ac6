package ai.agentlens.queue.redis;

import ai.agentlens.core.event.Envelope;
import ai.agentlens.core.port.queue.DeadLetter;
import ai.agentlens.core.port.queue.Delivery;
import ai.agentlens.core.port.queue.EventQueue;
import ai.agentlens.core.port.queue.QueueUnavailableException;
import ai.agentlens.queue.spi.DeliveryPolicy;
import ai.agentlens.queue.spi.EncodedEnvelopeSink;
import ai.agentlens.queue.spi.EnvelopeCodec;
import ai.agentlens.queue.spi.QueueSettings;
import ai.agentlens.redis.RedisClientSettings;
import ai.agentlens.redis.RedisPool;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntryBinary;
import redis.clients.jedis.resps.StreamPendingEntry;

/**
 * The cloud queue: a Redis stream ({@code <prefix>{<name>}}) read by one consumer group, dead
 * letters in a second stream ({@code <prefix>{<name>}:dead}).
 *
 * <p>Durability point: Redis accepted the {@code XADD} (how durable that is across a Redis crash is
 * Redis's persistence setting: use AOF with {@code appendfsync everysec} or {@code always}).
 * Deliveries: new entries with {@code XREADGROUP}; entries idle longer than the visibility timeout
 * are taken over with {@code XAUTOCLAIM}, whose delivery counter is the attempt number. A nack
 * keeps the entry pending but sets its idle time to {@code visibility - backoff} ({@code XCLAIM
 * IDLE … JUSTID}, which leaves the counter alone), so it becomes claimable exactly after the
 * backoff. An ack is {@code XACK} + {@code XDEL} in one transaction, so the stream holds exactly
 * the pending work ({@code XLEN} = depth) and nothing is ever trimmed. Lost groups (a Redis restart
 * without persistence) are re-created on the fly; connections are re-made by the pool.
 */
public final class RedisEventQueue implements EventQueue, EncodedEnvelopeSink {

  static final String FIELD = "e";
  private static final byte[] FIELD_BYTES = FIELD.getBytes(StandardCharsets.UTF_8);

  private final QueueSettings settings;
  private final RedisPool redis;
  private final String stream;
  private final byte[] streamBytes;
  private final byte[] groupBytes;
  private final RedisDeadLetters dead;
  private final Reclaimer reclaimer;
  private volatile boolean closed;

  /**
   * Connects, and creates the stream and the group if they do not exist.
   *
   * @param settings URL, names, timeouts and delivery policy
   * @throws ai.agentlens.core.port.queue.QueueUnavailableException when Redis cannot be reached
   */
  public RedisEventQueue(QueueSettings settings) {
    this.settings = settings;
    this.stream = settings.keyPrefix() + "{" + settings.name() + "}";
    this.streamBytes = stream.getBytes(StandardCharsets.UTF_8);
    this.groupBytes = settings.group().getBytes(StandardCharsets.UTF_8);
    this.dead = new RedisDeadLetters(stream, stream + ":dead", settings.group());
    this.redis =
        new RedisPool(
            settings.url(),
            new RedisClientSettings(
                settings.operationTimeout(),
                settings.maxPollWait(),
                settings.poolSize(),
                "agentlens-queue"),
            QueueUnavailableException::new);
    this.reclaimer = new Reclaimer(settings, stream, dead);
    try {
      redis.call(this::ensureGroup);
    } catch (RuntimeException e) {
      redis.close();
      throw e;
    }
  }

  /**
   * Returns the key of the stream (for operators and tests).
   *
   * @return the stream key
   */
  public String streamKey() {
    return stream;
  }

  @Override
  public String group() {
    return settings.group();
  }

  @Override
  public CompletionStage<Void> publish(Envelope envelope) {
    publishEncoded(EnvelopeCodec.encode(envelope));
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void publishEncoded(byte[] encoded) {
    if (closed) {
      throw new QueueUnavailableException("queue " + settings.name() + " is closed", null);
    }
    redis.call(j -> j.xadd(streamBytes, XAddParams.xAddParams(), Map.of(FIELD_BYTES, encoded)));
  }

  @Override
  public List<Delivery> poll(String consumer, int max, Duration wait) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be >= 1");
    }
    long deadline = System.nanoTime() + Math.min(wait.toNanos(), settings.maxPollWait().toNanos());
    List<Delivery> out = new ArrayList<>();
    while (true) {
      if (reclaimer.due()) {
        withGroup(j -> reclaimer.reclaim(j, consumer, max, out));
      }
      if (out.size() < max) {
        long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
        // why: block no longer than the reclaim interval, so due retries are not kept waiting
        long block = out.isEmpty() ? Math.min(leftMillis, reclaimer.intervalMillis()) : 0;
        withGroup(j -> readNew(j, consumer, max - out.size(), block, out));
      }
      if (!out.isEmpty() || System.nanoTime() - deadline >= 0) {
        return out;
      }
    }
  }

  @Override
  public void ack(List<Delivery> deliveries) {
    if (deliveries.isEmpty()) {
      return;
    }
    StreamEntryID[] ids =
        deliveries.stream().map(d -> new StreamEntryID(d.receipt())).toArray(StreamEntryID[]::new);
    redis.call(
        j -> {
          Transaction t = j.multi();
          t.xack(stream, settings.group(), ids);
          t.xdel(stream, ids);
          return t.exec();
        });
  }

  @Override
  public NackOutcome nack(Delivery delivery, String reason) {
    String id = delivery.receipt();
    return withGroup(
        j -> {
          List<StreamPendingEntry> pending =
              j.xpending(stream, settings.group(), XPendingParams.xPendingParams(id, id, 1));
          if (pending.isEmpty() || pending.get(0).getDeliveredTimes() != delivery.attempt()) {
            return NackOutcome.STALE;
          }
          DeliveryPolicy.Decision decision = settings.policy().afterFailure(delivery.attempt());
          if (decision.deadLetter()) {
            return dead.moveIn(j, id, delivery.attempt(), reason)
                ? NackOutcome.DEAD_LETTERED
                : NackOutcome.STALE;
          }
          long idle = settings.visibilityTimeout().minus(decision.delay()).toMillis();
          List<StreamEntryID> claimed =
              j.xclaimJustId(
                  stream,
                  settings.group(),
                  pending.get(0).getConsumerName(),
                  0,
                  XClaimParams.xClaimParams().idle(Math.max(0, idle)),
                  new StreamEntryID(id));
          return claimed.isEmpty() ? NackOutcome.STALE : NackOutcome.RETRY_SCHEDULED;
        });
  }

  @Override
  public NackOutcome reject(Delivery delivery, String reason) {
    String id = delivery.receipt();
    return withGroup(
        j -> {
          List<StreamPendingEntry> pending =
              j.xpending(stream, settings.group(), XPendingParams.xPendingParams(id, id, 1));
          if (pending.isEmpty() || pending.get(0).getDeliveredTimes() != delivery.attempt()) {
            return NackOutcome.STALE;
          }
          return dead.moveIn(j, id, delivery.attempt(), reason)
              ? NackOutcome.DEAD_LETTERED
              : NackOutcome.STALE;
        });
  }

  @Override
  public long depth() {
    return redis.call(j -> j.xlen(stream));
  }

  @Override
  public Optional<Duration> oldestPendingAge() {
    return redis.call(
        j -> {
          List<StreamEntries.Entry> first =
              StreamEntries.parse(
                  j.xrange(
                      stream.getBytes(StandardCharsets.UTF_8),
                      "-".getBytes(StandardCharsets.UTF_8),
                      "+".getBytes(StandardCharsets.UTF_8),
                      1));
          if (first.isEmpty()) {
            return Optional.<Duration>empty();
          }
          // why: a stream id starts with the server's clock in ms at XADD; compare with its clock
          List<String> time = j.time();
          long nowMillis = Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
          String id = first.get(0).id();
          long age = Math.max(0, nowMillis - Long.parseLong(id.substring(0, id.indexOf('-'))));
          return Optional.of(Duration.ofMillis(age));
        });
  }

  @Override
  public long deadLetterCount() {
    return redis.call(j -> dead.count(j));
  }

  @Override
  public List<DeadLetter> deadLetters(int limit) {
    return redis.call(j -> dead.list(j, limit));
  }

  @Override
  public boolean replay(String deadLetterId) {
    return redis.call(j -> dead.replay(j, deadLetterId));
  }

  @Override
  public long purgeDeadLetters() {
    return redis.call(dead::purge);
  }

  @Override
  public void close() {
    closed = true;
    redis.close();
  }

  private Void readNew(Jedis j, String consumer, int count, long blockMillis, List<Delivery> out) {
    XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(count);
    if (blockMillis > 0) {
      params.block((int) blockMillis);
    }
    var reply =
        j.xreadGroupBinary(
            groupBytes,
            consumer.getBytes(StandardCharsets.UTF_8),
            params,
            Map.of(streamBytes, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
    if (reply == null) {
      return null;
    }
    for (var perStream : reply) {
      for (StreamEntryBinary entry : perStream.getValue()) {
        dead.deliverOrMoveIn(j, entry.getID().toString(), field(entry), 1, out);
      }
    }
    return null;
  }

  private static byte[] field(StreamEntryBinary entry) {
    for (var f : entry.getFields().entrySet()) {
      if (Arrays.equals(f.getKey(), FIELD_BYTES)) {
        return f.getValue();
      }
    }
    return null;
  }

  private <T> T withGroup(Function<Jedis, T> work) {
    return redis.call(
        j -> {
          try {
            return work.apply(j);
          } catch (JedisDataException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("NOGROUP")) {
              throw e;
            }
            // why: a Redis restart without persistence loses the stream and its group
            ensureGroup(j);
            return work.apply(j);
          }
        });
  }

  private Void ensureGroup(Jedis j) {
    try {
      j.xgroupCreate(stream, settings.group(), new StreamEntryID(0, 0), true);
    } catch (JedisDataException e) {
      if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
        throw e;
      }
    }
    return null;
  }
}
