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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
import redis.clients.jedis.resps.StreamPendingEntry;

/**
 * The cloud queue: Redis streams read by one consumer group, dead letters in a stream of their own
 * ({@code <prefix>{<name>}:dead}).
 *
 * <p><b>Shards.</b> Events are spread over {@link QueueSettings#shards()} streams by a hash of
 * (org, session) ({@link SessionShards}); a request whose events fall in several shards is
 * published as one part per shard in a single {@code MULTI}, so either every part is stored or
 * none. Each shard is read by one consumer at a time under a lease ({@link ShardLeases}), so two
 * workers rarely write the same session at once and each worker's batch touches only its share of
 * the sessions. All keys share the hash tag {@code {<name>}}, so the multi-key steps stay legal on
 * a Redis Cluster (all in one slot).
 *
 * <p>Durability point: Redis accepted the {@code XADD} (how durable that is across a Redis crash is
 * Redis's persistence setting: use AOF with {@code appendfsync everysec} or {@code always}).
 * Deliveries: new entries with {@code XREADGROUP}; entries idle longer than the visibility timeout
 * are taken over with {@code XAUTOCLAIM}, whose delivery counter is the attempt number. A nack
 * keeps the entry pending but sets its idle time to {@code visibility - backoff} ({@code XCLAIM
 * IDLE … JUSTID}, which leaves the counter alone), so it becomes claimable exactly after the
 * backoff. An ack is {@code XACK} + {@code XDEL} in one transaction, so the streams hold exactly
 * the pending work (the sum of {@code XLEN} = depth) and nothing is ever trimmed. A receipt is
 * {@code <shard>:<entry id>}. Lost groups (a Redis restart without persistence) are re-created on
 * the fly; connections are re-made by the pool.
 */
public final class RedisEventQueue implements EventQueue, EncodedEnvelopeSink {

  static final String FIELD = "e";
  static final byte[] FIELD_BYTES = FIELD.getBytes(StandardCharsets.UTF_8);

  private final QueueSettings settings;
  private final RedisPool redis;
  private final SessionShards partitions;
  private final Shard[] shards;
  private final ShardLeases leases;
  private final ShardReader reader;
  private volatile boolean closed;

  /**
   * Connects, and creates the streams and the group if they do not exist.
   *
   * @param settings URL, names, timeouts, delivery policy and shard count
   * @throws ai.agentlens.core.port.queue.QueueUnavailableException when Redis cannot be reached
   */
  public RedisEventQueue(QueueSettings settings) {
    this.settings = settings;
    String base = settings.keyPrefix() + "{" + settings.name() + "}";
    this.partitions = new SessionShards(settings.shards());
    this.shards = new Shard[settings.shards()];
    for (int i = 0; i < shards.length; i++) {
      shards[i] = Shard.of(i, base, base + ":dead", settings);
    }
    this.reader = new ShardReader(shards, settings.group());
    this.leases = new ShardLeases(base, shards.length, settings.visibilityTimeout());
    this.redis =
        new RedisPool(
            settings.url(),
            new RedisClientSettings(
                settings.operationTimeout(),
                settings.maxPollWait(),
                settings.poolSize(),
                "agentlens-queue"),
            QueueUnavailableException::new);
    try {
      redis.call(this::ensureGroup);
    } catch (RuntimeException e) {
      redis.close();
      throw e;
    }
  }

  /**
   * Returns the keys of the shards' streams, shard 0 first (for operators and tests).
   *
   * @return the stream keys
   */
  public List<String> streamKeys() {
    return Arrays.stream(shards).map(Shard::key).toList();
  }

  @Override
  public String group() {
    return settings.group();
  }

  @Override
  public CompletionStage<Void> publish(Envelope envelope) {
    checkOpen();
    TreeMap<Integer, Envelope> parts = partitions.split(envelope);
    if (parts.size() == 1) {
      xadd(shards[parts.firstKey()], EnvelopeCodec.encode(envelope));
    } else {
      List<byte[]> encoded = parts.values().stream().map(EnvelopeCodec::encode).toList();
      List<Integer> targets = List.copyOf(parts.keySet());
      redis.call(
          j -> {
            Transaction t = j.multi();
            for (int i = 0; i < encoded.size(); i++) {
              t.xadd(
                  shards[targets.get(i)].keyBytes(),
                  XAddParams.xAddParams(),
                  Map.of(FIELD_BYTES, encoded.get(i)));
            }
            return t.exec();
          });
    }
    return CompletableFuture.completedFuture(null);
  }

  /** Stores the bytes in shard 0: they cannot be read for a session. */
  @Override
  public void publishEncoded(byte[] encoded) {
    checkOpen();
    xadd(shards[0], encoded);
  }

  @Override
  public List<Delivery> poll(String consumer, int max, Duration wait) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be >= 1");
    }
    checkOpen(); // why: a poll after close would take back the leases close just gave away
    long deadline = System.nanoTime() + Math.min(wait.toNanos(), settings.maxPollWait().toNanos());
    List<Delivery> out = new ArrayList<>();
    while (true) {
      int[] mine = redis.call(j -> leases.owned(j, consumer));
      for (int s : mine) {
        Reclaimer reclaimer = shards[s].reclaimer();
        if (out.size() < max && reclaimer.due()) {
          withGroup(j -> reclaimer.reclaim(j, consumer, max - out.size(), out));
        }
      }
      long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
      // why: wake for due retries and for lease renewal, whichever comes first
      long step = Math.min(leftMillis, Math.min(intervalMillis(), leases.renewMillis()));
      if (mine.length == 0) {
        if (!sleep(step)) {
          return out;
        }
      } else if (out.size() < max) {
        long block = out.isEmpty() ? step : 0;
        withGroup(
            j -> {
              reader.read(j, consumer, mine, max - out.size(), block, out);
              return null;
            });
      }
      if (!out.isEmpty() || System.nanoTime() - deadline >= 0) {
        return out;
      }
    }
  }

  @Override
  public void ack(List<Delivery> deliveries) {
    Map<Shard, List<StreamEntryID>> byShard = new HashMap<>();
    for (Delivery d : deliveries) {
      Receipt r = Receipt.parse(d.receipt(), shards.length);
      if (r != null) {
        byShard.computeIfAbsent(shards[r.shard()], s -> new ArrayList<>()).add(r.entryId());
      }
    }
    if (byShard.isEmpty()) {
      return;
    }
    redis.call(
        j -> {
          Transaction t = j.multi();
          byShard.forEach(
              (shard, ids) -> {
                StreamEntryID[] array = ids.toArray(StreamEntryID[]::new);
                t.xack(shard.key(), settings.group(), array);
                t.xdel(shard.key(), array);
              });
          return t.exec();
        });
  }

  @Override
  public NackOutcome nack(Delivery delivery, String reason) {
    return settle(
        delivery,
        (j, shard, pending) -> {
          DeliveryPolicy.Decision decision = settings.policy().afterFailure(delivery.attempt());
          String id = pending.getID().toString();
          if (decision.deadLetter()) {
            return shard.dead().moveIn(j, id, delivery.attempt(), reason)
                ? NackOutcome.DEAD_LETTERED
                : NackOutcome.STALE;
          }
          long idle = settings.visibilityTimeout().minus(decision.delay()).toMillis();
          List<StreamEntryID> claimed =
              j.xclaimJustId(
                  shard.key(),
                  settings.group(),
                  pending.getConsumerName(),
                  0,
                  XClaimParams.xClaimParams().idle(Math.max(0, idle)),
                  pending.getID());
          return claimed.isEmpty() ? NackOutcome.STALE : NackOutcome.RETRY_SCHEDULED;
        });
  }

  @Override
  public NackOutcome reject(Delivery delivery, String reason) {
    return settle(
        delivery,
        (j, shard, pending) ->
            shard.dead().moveIn(j, pending.getID().toString(), delivery.attempt(), reason)
                ? NackOutcome.DEAD_LETTERED
                : NackOutcome.STALE);
  }

  @Override
  public long depth() {
    return redis.call(j -> ShardGauges.depth(j, shards));
  }

  @Override
  public Optional<Duration> oldestPendingAge() {
    return redis.call(j -> ShardGauges.oldestPendingAge(j, shards));
  }

  @Override
  public long deadLetterCount() {
    return redis.call(j -> shards[0].dead().count(j));
  }

  @Override
  public List<DeadLetter> deadLetters(int limit) {
    return redis.call(j -> shards[0].dead().list(j, limit));
  }

  /** Publishes the letter again into the shard of its sessions (shard 0 when undecodable). */
  @Override
  public boolean replay(String deadLetterId) {
    return redis.call(
        j -> {
          Envelope envelope = shards[0].dead().envelopeOf(j, deadLetterId);
          int target = envelope == null ? 0 : partitions.of(envelope);
          return shards[target].dead().replay(j, deadLetterId);
        });
  }

  @Override
  public long purgeDeadLetters() {
    return redis.call(j -> shards[0].dead().purge(j));
  }

  /** Refuses publishes, gives back this process's shard leases at once, and disconnects. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      redis.call(
          j -> {
            leases.releaseAll(j);
            return null;
          });
    } catch (RuntimeException e) {
      // why: unreachable Redis at shutdown; the leases then expire on their own
    } finally {
      redis.close();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new QueueUnavailableException("queue " + settings.name() + " is closed", null);
    }
  }

  private void xadd(Shard shard, byte[] encoded) {
    redis.call(
        j -> j.xadd(shard.keyBytes(), XAddParams.xAddParams(), Map.of(FIELD_BYTES, encoded)));
  }

  private long intervalMillis() {
    return shards[0].reclaimer().intervalMillis();
  }

  private static boolean sleep(long millis) {
    if (millis <= 0) {
      return false;
    }
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs a nack or reject on the delivery's entry when it is still pending at that attempt. */
  private NackOutcome settle(Delivery delivery, Settlement settlement) {
    Receipt r = Receipt.parse(delivery.receipt(), shards.length);
    if (r == null) {
      return NackOutcome.STALE;
    }
    Shard shard = shards[r.shard()];
    String id = r.entryId().toString();
    return withGroup(
        j -> {
          List<StreamPendingEntry> pending =
              j.xpending(shard.key(), settings.group(), XPendingParams.xPendingParams(id, id, 1));
          if (pending.isEmpty() || pending.get(0).getDeliveredTimes() != delivery.attempt()) {
            return NackOutcome.STALE;
          }
          return settlement.apply(j, shard, pending.get(0));
        });
  }

  @FunctionalInterface
  private interface Settlement {
    NackOutcome apply(Jedis j, Shard shard, StreamPendingEntry pending);
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
            // why: a Redis restart without persistence loses the streams and their group
            ensureGroup(j);
            return work.apply(j);
          }
        });
  }

  private Void ensureGroup(Jedis j) {
    for (Shard s : shards) {
      try {
        j.xgroupCreate(s.key(), settings.group(), new StreamEntryID(0, 0), true);
      } catch (JedisDataException e) {
        if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
          throw e;
        }
      }
    }
    return null;
  }
}
