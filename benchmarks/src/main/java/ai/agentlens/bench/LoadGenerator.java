package ai.agentlens.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keep-alive HTTP load against a running server's ingest endpoint, batches of realistic events.
 * Measures accepted events/s, the latency of the {@code 202} (from the intended send time, so a
 * stalled server is not hidden), checks zero loss (stored count = accepted count) and, with a
 * probe, ingest-to-queryable latency.
 *
 * <pre>
 * java -cp benchmarks/target/classes ai.agentlens.bench.LoadGenerator \
 *     --url http://127.0.0.1:3400 --key al_live_…[,al_live_…] [--seconds 60] [--rate 0|events/s]
 *     [--connections 8] [--batch 100] [--sessions 2000] [--probe] [--accept-only] [--warmup 0]
 * </pre>
 *
 * <p>{@code --warmup S} sends at the same rate for S seconds before the measured {@code --seconds},
 * in the same JVM, and leaves those requests out of the rate and the latency (they still count for
 * the loss check). A fresh generator JVM spends its first seconds compiling its own code: on a
 * 2-core machine that took a core for ~4 s and half a core for ~10 s more, from the server under
 * test, and the latency of that window went into the report.
 *
 * <p>{@code --accept-only} skips the wait for the stored count: for a server that only accepts
 * (app-cloud's {@code gateway} role with no worker), where nothing would ever be stored.
 */
public final class LoadGenerator {

  private static final Pattern ACCEPTED = Pattern.compile("\"accepted\":(\\d+)");
  private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

  private final Map<String, String> options;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String url;
  private final List<String> keys;

  private LoadGenerator(Map<String, String> options) {
    this.options = options;
    this.url = require("url");
    // why: several keys (comma-separated, one org each) let a cloud load exceed one org's rate
    // limit; connection i uses key i mod n, and loss is checked over all their orgs
    this.keys = List.of(require("key").split(","));
  }

  /**
   * Runs one load test and prints its report.
   *
   * @param args see the class comment
   * @throws Exception on I/O failure
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = new ConcurrentHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      }
      String name = args[i].substring(2);
      if (name.equals("probe") || name.equals("accept-only")) {
        options.put(name, "true");
      } else {
        options.put(name, args[++i]);
      }
    }
    new LoadGenerator(options).run();
  }

  private void run() throws Exception {
    int seconds = intOption("seconds", 60);
    int rate = intOption("rate", 0);
    int connections = intOption("connections", 8);
    int batch = intOption("batch", 100);
    int sessions = intOption("sessions", 2000);
    int warmup = intOption("warmup", 0);
    String runId = UUID.randomUUID().toString().substring(0, 8);
    long storedBefore = options.containsKey("accept-only") ? 0 : storedTotal();

    LongAdder accepted = new LongAdder();
    LongAdder measured = new LongAdder();
    Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    List<long[]> latencies = new ArrayList<>();
    long start = System.nanoTime();
    long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
    long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
    double requestsPerSecondPerThread = rate <= 0 ? 0 : (double) rate / batch / connections;
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < connections; t++) {
      // why: 16 MB per connection made 64 connections overflow the heap; 5,000 requests/s per
      // connection is far above what one keep-alive connection reaches here
      long[] samples = new long[(int) Math.min(2_000_000L, seconds * 5_000L)];
      latencies.add(samples);
      int thread = t;
      Thread worker =
          new Thread(
              () ->
                  send(
                      keys.get(thread % keys.size()),
                      new RealisticEvents(thread, runId),
                      batch,
                      sessions,
                      measureFrom,
                      end,
                      requestsPerSecondPerThread,
                      (double) thread / connections,
                      accepted,
                      measured,
                      statuses,
                      samples),
              "load-" + t);
      threads.add(worker);
      worker.start();
    }
    ProbeResult probe = options.containsKey("probe") ? probe(measureFrom, end, runId) : null;
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - measureFrom) / 1e9;
    long[] all = merge(latencies);
    System.out.printf(
        "run %s: %d s (after %d s of warm-up), %d connections, batch %d, target %s%n",
        runId, seconds, warmup, connections, batch, rate <= 0 ? "max" : rate + " events/s");
    System.out.printf("statuses: %s%n", statuses);
    System.out.printf(
        "accepted events: %d (%.0f events/s)%n", measured.sum(), measured.sum() / elapsed);
    System.out.printf(
        "202 latency ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f  (%d requests)%n",
        pct(all, 50),
        pct(all, 95),
        pct(all, 99),
        all.length == 0 ? 0 : all[all.length - 1] / 1e6,
        all.length);
    if (probe != null) {
      System.out.printf(
          "ingest-to-queryable ms: p50 %.1f  p95 %.1f  (%d probes, %d not seen)%n",
          probe.p50(), probe.p95(), probe.count(), probe.missing());
    }
    if (options.containsKey("accept-only")) {
      return;
    }
    verifyStored(
        storedBefore,
        accepted.sum() + (probe == null ? 0 : probe.count() + probe.missing()),
        measureFrom,
        measured.sum() + (probe == null ? 0 : probe.count() + probe.missing()));
  }

  private void send(
      String key,
      RealisticEvents events,
      int batch,
      int sessions,
      long measureFrom,
      long end,
      double perSecond,
      double phase,
      LongAdder accepted,
      LongAdder measured,
      Map<Integer, LongAdder> statuses,
      long[] samples) {
    int n = 0;
    long interval = perSecond <= 0 ? 0 : (long) (1e9 / perSecond);
    // why: at a fixed rate every connection sends once per interval; started together they sent
    // all at once (128 requests every 1.28 s at 10,000 events/s), so latency measured the bursts
    long intended = System.nanoTime() + (long) (interval * phase);
    while (System.nanoTime() < end && n < samples.length) {
      if (interval > 0) {
        long wait = intended - System.nanoTime();
        if (wait > 0) {
          sleepNanos(wait);
        }
      } else {
        intended = System.nanoTime();
      }
      try {
        HttpResponse<String> response =
            http.send(
                post(key, events.batch(batch, sessions)), HttpResponse.BodyHandlers.ofString());
        // why: the warm-up is measured by nothing but the loss check; a request counts as measured
        // when it was meant to be sent inside the measured window
        boolean inWindow = intended >= measureFrom;
        if (inWindow) {
          samples[n++] = System.nanoTime() - intended;
          statuses.computeIfAbsent(response.statusCode(), k -> new LongAdder()).increment();
        }
        if (response.statusCode() == 202) {
          Matcher m = ACCEPTED.matcher(response.body());
          if (m.find()) {
            long count = Long.parseLong(m.group(1));
            accepted.add(count);
            if (inWindow) {
              measured.add(count);
            }
          }
        } else if (interval == 0) {
          // why: the SDKs wait Retry-After on 429 and 503 before retrying; a closed loop that did
          // not would measure how fast the server refuses, not how fast it stores
          response
              .headers()
              .firstValue("Retry-After")
              .ifPresent(s -> sleepNanos((long) (Double.parseDouble(s) * 1e9)));
        }
      } catch (Exception e) {
        statuses.computeIfAbsent(-1, k -> new LongAdder()).increment();
      }
      intended += interval;
    }
    if (n < samples.length) {
      samples[n] = Long.MIN_VALUE;
    }
  }

  private record ProbeResult(double p50, double p95, int count, int missing) {}

  private ProbeResult probe(long from, long end, String runId) throws Exception {
    List<Long> seen = new ArrayList<>();
    int missing = 0;
    sleepNanos(from - System.nanoTime());
    RealisticEvents events = new RealisticEvents(99, runId);
    while (System.nanoTime() < end) {
      String session = "probe-" + runId + "-" + UUID.randomUUID();
      StringBuilder body = new StringBuilder("{\"events\":[");
      events.event(body, session, "probe-agent");
      body.append("]}");
      long t0 = System.nanoTime();
      HttpResponse<String> response =
          http.send(post(keys.get(0), body.toString()), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 202) {
        Thread.sleep(200);
        continue;
      }
      long deadline = t0 + TimeUnit.SECONDS.toNanos(10);
      boolean found = false;
      while (System.nanoTime() < deadline) {
        if (http.send(
                    get(keys.get(0), "/api/sessions/" + session),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          seen.add(System.nanoTime() - t0);
          found = true;
          break;
        }
        Thread.sleep(5);
      }
      if (!found) {
        missing++;
      }
      Thread.sleep(200);
    }
    long[] sorted = seen.stream().mapToLong(Long::longValue).sorted().toArray();
    return new ProbeResult(pct(sorted, 50), pct(sorted, 95), sorted.length, missing);
  }

  private void verifyStored(long before, long expected, long measureFrom, long windowEvents)
      throws Exception {
    long loadEnd = System.nanoTime();
    long deadline = loadEnd + TimeUnit.SECONDS.toNanos(120);
    long stored = -1;
    while (System.nanoTime() < deadline) {
      stored = storedTotal() - before;
      if (stored >= expected) {
        break;
      }
      Thread.sleep(250);
    }
    double drain = (System.nanoTime() - loadEnd) / 1e9;
    System.out.printf(
        "stored %d of %d accepted: %s%n",
        stored, expected, stored == expected ? "zero loss" : "MISMATCH");
    // why: an async pipeline (cloud) can accept faster than it stores; the rate that was also
    // stored is the measured window's accepted events / (its length + time until the stored count
    // caught up), the window's share of what was stored; with no warm-up that is stored / time
    System.out.printf(
        "drained %.1f s after the load; accepted-and-stored rate %.0f events/s%n",
        drain,
        expected == 0
            ? 0
            : windowEvents
                * ((double) stored / expected)
                / ((System.nanoTime() - measureFrom) / 1e9));
  }

  private long storedTotal() throws Exception {
    long total = 0;
    for (String key : keys) {
      total += storedTotal(key);
    }
    return total;
  }

  private long storedTotal(String key) throws Exception {
    HttpResponse<String> response =
        http.send(get(key, "/api/events?limit=1"), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET /api/events answered " + response.statusCode() + ": " + response.body());
    }
    Matcher m = TOTAL.matcher(response.body());
    if (!m.find()) {
      throw new IllegalStateException("no total in " + response.body());
    }
    return Long.parseLong(m.group(1));
  }

  private HttpRequest post(String key, String body) {
    return HttpRequest.newBuilder(URI.create(url + "/api/events"))
        .header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private HttpRequest get(String key, String path) {
    return HttpRequest.newBuilder(URI.create(url + path))
        .header("Authorization", "Bearer " + key)
        .timeout(Duration.ofSeconds(30))
        .GET()
        .build();
  }

  private static long[] merge(List<long[]> parts) {
    return parts.stream()
        .flatMapToLong(
            a -> Arrays.stream(a).takeWhile(v -> v != Long.MIN_VALUE).filter(v -> v != 0))
        .sorted()
        .toArray();
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }

  private static void sleepNanos(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String require(String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  private int intOption(String name, int fallback) {
    return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
  }
}
