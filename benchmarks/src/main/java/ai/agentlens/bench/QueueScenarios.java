package ai.agentlens.bench;

import ai.agentlens.core.event.Envelope;
import ai.agentlens.core.port.queue.Delivery;
import ai.agentlens.core.port.queue.EventQueue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntryBinary;

/** The scenarios {@link QueueBenchmark} compares. */
final class QueueScenarios {

  private QueueScenarios() {}

  /**
   * The baseline: XADD, XREADGROUP and XACK of the same bytes, nothing else; optionally XDEL of
   * acknowledged entries in the same round trip (what {@code RedisEventQueue} does, so the stream
   * does not grow).
   */
  static final class BareRedis implements QueueLoad.Scenario {
    private final JedisPool pool;
    private final String stream;
    private final byte[] streamBytes;
    private final byte[][] payloads;
    private final int batch;
    private final boolean deleteAcked;

    BareRedis(
        java.net.URI uri,
        String stream,
        byte[][] payloads,
        int batch,
        int connections,
        boolean deleteAcked) {
      this.deleteAcked = deleteAcked;
      JedisPoolConfig config = new JedisPoolConfig();
      config.setMaxTotal(connections);
      this.pool = new JedisPool(config, uri);
      this.stream = stream;
      this.streamBytes = stream.getBytes(StandardCharsets.UTF_8);
      this.payloads = payloads;
      this.batch = batch;
      try (Jedis j = pool.getResource()) {
        j.xgroupCreate(stream, "bench", new StreamEntryID(0, 0), true);
      }
    }

    @Override
    public void publish(int index) {
      try (Jedis j = pool.getResource()) {
        j.xadd(
            streamBytes,
            XAddParams.xAddParams(),
            Map.of("e".getBytes(StandardCharsets.UTF_8), payloads[index % payloads.length]));
      }
    }

    @Override
    public int consumeBatch(String consumer) {
      try (Jedis j = pool.getResource()) {
        var reply =
            j.xreadGroupBinary(
                "bench".getBytes(StandardCharsets.UTF_8),
                consumer.getBytes(StandardCharsets.UTF_8),
                XReadGroupParams.xReadGroupParams().count(batch).block(50),
                Map.of(streamBytes, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        if (reply == null) {
          return 0;
        }
        List<StreamEntryID> ids = new ArrayList<>();
        for (var perStream : reply) {
          for (StreamEntryBinary e : perStream.getValue()) {
            ids.add(e.getID());
          }
        }
        if (!ids.isEmpty() && deleteAcked) {
          try (var p = j.pipelined()) {
            p.xack(stream, "bench", ids.toArray(StreamEntryID[]::new));
            p.xdel(stream, ids.toArray(StreamEntryID[]::new));
          }
        } else if (!ids.isEmpty()) {
          j.xack(stream, "bench", ids.toArray(StreamEntryID[]::new));
        }
        return ids.size();
      }
    }

    @Override
    public void close() {
      try (Jedis j = pool.getResource()) {
        j.del(stream);
      }
      pool.close();
    }
  }

  /**
   * A queue backend through the {@link EventQueue} port: publish (encode + store), poll (read +
   * decode), ack. Optionally records each envelope's publish-to-stored latency, and optionally
   * waits for the stage as the gateway's request does.
   */
  static final class ThroughPort implements QueueLoad.Scenario {
    private final EventQueue queue;
    private final Envelope[] envelopes;
    private final int batch;
    private final boolean publisherWaits;
    private final long[] storedNanos;

    ThroughPort(
        EventQueue queue, Envelope[] envelopes, int batch, boolean publisherWaits, int total) {
      this.queue = queue;
      this.envelopes = envelopes;
      this.batch = batch;
      this.publisherWaits = publisherWaits;
      this.storedNanos = new long[total];
    }

    @Override
    public void publish(int index) {
      long start = System.nanoTime();
      CompletableFuture<Void> stored =
          queue
              .publish(envelopes[index % envelopes.length])
              .toCompletableFuture()
              .thenRun(() -> storedNanos[index] = System.nanoTime() - start);
      if (publisherWaits) {
        stored.join();
      }
    }

    @Override
    public int consumeBatch(String consumer) {
      List<Delivery> got = queue.poll(consumer, batch, Duration.ofMillis(50));
      queue.ack(got);
      return got.size();
    }

    /** Publish-to-stored latencies, in nanoseconds, of every envelope. */
    long[] storedNanos() {
      return storedNanos.clone();
    }

    @Override
    public void close() {
      queue.close();
    }
  }
}
