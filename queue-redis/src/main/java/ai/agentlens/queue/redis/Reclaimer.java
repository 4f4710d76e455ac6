package ai.agentlens.queue.redis;

import ai.agentlens.core.port.queue.Delivery;
import ai.agentlens.queue.spi.QueueSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.resps.StreamPendingEntry;

/**
 * Takes over entries that stayed pending longer than the visibility timeout ({@code XAUTOCLAIM}):
 * those of dead or slow consumers, and nacked ones whose backoff has passed. The delivery counter
 * Redis keeps per entry is the attempt number; an entry past the policy's last attempt is
 * dead-lettered instead of delivered. Runs at most once per interval per process (a quarter of the
 * shortest backoff, between 5 ms and 1 s), so the hot path pays for it rarely.
 */
final class Reclaimer {

  private final QueueSettings settings;
  private final String stream;
  private final byte[] streamBytes;
  private final byte[] groupBytes;
  private final RedisDeadLetters dead;
  private final long intervalNanos;
  private final AtomicLong nextAt = new AtomicLong(System.nanoTime());
  private volatile String cursor = "0-0";

  Reclaimer(QueueSettings settings, String stream, RedisDeadLetters dead) {
    this.settings = settings;
    this.stream = stream;
    this.streamBytes = stream.getBytes(StandardCharsets.UTF_8);
    this.groupBytes = settings.group().getBytes(StandardCharsets.UTF_8);
    this.dead = dead;
    Duration shortest =
        settings.policy().backoff().stream().min(Duration::compareTo).orElseThrow().dividedBy(4);
    this.intervalNanos =
        Math.max(Duration.ofMillis(5).toNanos(), Math.min(shortest.toNanos(), 1_000_000_000L));
  }

  long intervalMillis() {
    return Math.max(1, intervalNanos / 1_000_000);
  }

  /** Claims the turn to reclaim, when the interval has passed since the last one. */
  boolean due() {
    long next = nextAt.get();
    long now = System.nanoTime();
    return now - next >= 0 && nextAt.compareAndSet(next, now + intervalNanos);
  }

  Void reclaim(Jedis j, String consumer, int max, List<Delivery> out) {
    List<Object> reply =
        j.xautoclaim(
            streamBytes,
            groupBytes,
            consumer.getBytes(StandardCharsets.UTF_8),
            settings.visibilityTimeout().toMillis(),
            cursor.getBytes(StandardCharsets.UTF_8),
            XAutoClaimParams.xAutoClaimParams().count(max));
    String next = new String((byte[]) reply.get(0), StandardCharsets.UTF_8);
    cursor = next;
    if (!"0-0".equals(next)) {
      nextAt.set(System.nanoTime()); // why: the scan stopped early; continue it on the next poll
    }
    List<StreamEntries.Entry> entries = StreamEntries.parse((List<?>) reply.get(1));
    if (entries.isEmpty()) {
      return null;
    }
    List<Response<List<StreamPendingEntry>>> counts = new ArrayList<>(entries.size());
    try (Pipeline p = j.pipelined()) {
      for (StreamEntries.Entry e : entries) {
        counts.add(
            p.xpending(stream, settings.group(), XPendingParams.xPendingParams(e.id(), e.id(), 1)));
      }
      p.sync();
    }
    for (int i = 0; i < entries.size(); i++) {
      StreamEntries.Entry e = entries.get(i);
      List<StreamPendingEntry> pending = counts.get(i).get();
      if (pending.isEmpty()) {
        continue; // acknowledged in the meantime
      }
      int attempt = (int) pending.get(0).getDeliveredTimes();
      if (settings.policy().exhaustedBefore(attempt)) {
        dead.moveIn(
            j,
            e.id(),
            attempt - 1,
            "not acknowledged within " + settings.visibilityTimeout() + " on the last attempt");
      } else {
        dead.deliverOrMoveIn(j, e.id(), e.field(RedisEventQueue.FIELD), attempt, out);
      }
    }
    return null;
  }
}
