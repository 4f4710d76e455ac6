package ai.agentlens.bench;

import ai.agentlens.core.event.Envelope;
import ai.agentlens.queue.inmemory.InMemoryEventQueue;
import ai.agentlens.queue.redis.RedisEventQueue;
import ai.agentlens.queue.spi.EnvelopeCodec;
import ai.agentlens.queue.spi.QueueSettings;
import ai.agentlens.testing.SampleEnvelopes;
import ai.agentlens.testing.TestRedis;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import redis.clients.jedis.Jedis;

/**
 * Queue throughput: publish + consume + ack of envelopes of 100 realistic events (~60 KB), through
 * each backend's {@code EventQueue}, against bare XADD / XREADGROUP + XACK of the same bytes on the
 * same Redis, driven by the same harness ({@link QueueLoad}). Also the envelope codec's cost and
 * the in-memory queue's publish-to-stored latency (its crash window). Prints medians of the runs.
 *
 * <p>Run (docs/performance.md): {@code ./mvnw -q -DskipTests package && ./mvnw -q -pl benchmarks
 * dependency:build-classpath -Dmdep.outputFile=cp.txt && java -cp benchmarks/target/classes:$(cat
 * benchmarks/cp.txt) ai.agentlens.bench.QueueBenchmark [--envelopes 2000] [--events 100] [--runs 3]
 * [--producers 2] [--consumers 2] [--batch 10] [--redis redis://localhost:6379]}
 */
public final class QueueBenchmark {

  private QueueBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args options, see the class comment
   * @throws Exception when a scenario fails
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> opt = options(args);
    int total = Integer.parseInt(opt.getOrDefault("envelopes", "2000"));
    int events = Integer.parseInt(opt.getOrDefault("events", "100"));
    int runs = Integer.parseInt(opt.getOrDefault("runs", "3"));
    int producers = Integer.parseInt(opt.getOrDefault("producers", "2"));
    int consumers = Integer.parseInt(opt.getOrDefault("consumers", "2"));
    int batch = Integer.parseInt(opt.getOrDefault("batch", "10"));
    URI redis = opt.containsKey("redis") ? URI.create(opt.get("redis")) : TestRedis.server().uri();
    String prefix = "agentlens-bench:" + UUID.randomUUID().toString().substring(0, 8) + ":";

    Envelope[] envelopes = new Envelope[50];
    byte[][] encoded = new byte[envelopes.length][];
    for (int i = 0; i < envelopes.length; i++) {
      envelopes[i] = SampleEnvelopes.realistic("org-" + (i % 5), events);
      encoded[i] = EnvelopeCodec.encode(envelopes[i]);
    }
    double kb = Arrays.stream(encoded).mapToInt(b -> b.length).average().orElseThrow() / 1024;
    System.out.printf(
        Locale.ROOT,
        "envelopes of %d events, %.1f KiB encoded; %d envelopes per run, %d producers, %d"
            + " consumers, batch %d, Redis %s:%d, %d runs%n",
        events,
        kb,
        total,
        producers,
        consumers,
        batch,
        redis.getHost(),
        redis.getPort(),
        runs);
    CodecCost.report(envelopes, encoded);

    Map<String, IntFunction<QueueLoad.Scenario>> scenarios = new LinkedHashMap<>();
    scenarios.put(
        "bare Redis XADD / XREADGROUP + XACK",
        n ->
            new QueueScenarios.BareRedis(
                redis,
                prefix + "bare-" + UUID.randomUUID(),
                encoded,
                batch,
                producers + consumers + 2,
                false));
    scenarios.put(
        "bare Redis, + XDEL after XACK (pipelined)",
        n ->
            new QueueScenarios.BareRedis(
                redis,
                prefix + "bare-" + UUID.randomUUID(),
                encoded,
                batch,
                producers + consumers + 2,
                true));
    scenarios.put(
        "RedisEventQueue",
        n ->
            port(
                new RedisEventQueue(settings(prefix, redis, n, producers + consumers)),
                envelopes,
                batch,
                false,
                n));
    scenarios.put(
        "InMemoryEventQueue",
        n ->
            port(
                new InMemoryEventQueue(settings(prefix, redis, n, 1)), envelopes, batch, false, n));

    Map<String, List<Double>> rates = new LinkedHashMap<>();
    for (var s : scenarios.entrySet()) {
      measure(s.getValue(), Math.max(100, total / 5), producers, consumers); // warm-up
      rates.put(s.getKey(), new ArrayList<>());
    }
    for (int run = 0; run < runs; run++) {
      for (var s : scenarios.entrySet()) {
        rates.get(s.getKey()).add(measure(s.getValue(), total, producers, consumers));
      }
    }
    double bare = median(rates.get("bare Redis XADD / XREADGROUP + XACK"));
    System.out.println();
    System.out.println("| scenario | envelopes/s (median) | runs | MiB/s | ratio to bare Redis |");
    System.out.println("|---|---|---|---|---|");
    for (var r : rates.entrySet()) {
      double m = median(r.getValue());
      System.out.printf(
          Locale.ROOT,
          "| %s | %.0f | %s | %.0f | %.2f |%n",
          r.getKey(),
          m,
          format(r.getValue()),
          m * kb / 1024,
          m / bare);
    }
    CrashWindow.report(envelopes, batch, total, consumers, runs);
    try (Jedis j = new Jedis(redis)) {
      var keys = j.keys(prefix + "*");
      if (!keys.isEmpty()) {
        j.del(keys.toArray(String[]::new));
      }
    }
  }

  static QueueSettings settings(String prefix, URI redis, int capacity, int pool) {
    return QueueSettings.defaults("bench-" + UUID.randomUUID())
        .withKeyPrefix(prefix)
        .withUrl(redis)
        .withCapacity(capacity + 10)
        .withPoolSize(pool + 2);
  }

  static QueueScenarios.ThroughPort port(
      ai.agentlens.core.port.queue.EventQueue q, Envelope[] envs, int batch, boolean waits, int n) {
    return new QueueScenarios.ThroughPort(q, envs, batch, waits, n);
  }

  private static double measure(
      IntFunction<QueueLoad.Scenario> factory, int total, int producers, int consumers)
      throws Exception {
    try (QueueLoad.Scenario s = factory.apply(total)) {
      return QueueLoad.run(s, total, producers, consumers);
    }
  }

  static double median(List<Double> xs) {
    double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }

  private static String format(List<Double> xs) {
    return String.join(", ", xs.stream().map(x -> String.format(Locale.ROOT, "%.0f", x)).toList());
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      out.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return out;
  }
}
