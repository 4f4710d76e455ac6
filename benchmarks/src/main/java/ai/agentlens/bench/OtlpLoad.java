package ai.agentlens.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * OTLP ingest next to {@code /api/events} in the same run, against one running server: alternating
 * phases of closed-loop load, each {@code --seconds} long, {@code --rounds} times; one phase sends
 * {@code POST /api/events} with {@code --batch} realistic events, the other {@code POST /v1/traces}
 * with {@code --batch} realistic GenAI spans (protobuf, {@link RealisticSpans}). Prints each phase,
 * the medians, and the ratio of OTLP spans/s to {@code /api/events} events/s. On the self-hosted
 * launcher a 2xx means stored, so accepted = stored.
 *
 * <pre>
 * java -cp $CP ai.agentlens.bench.OtlpLoad --url http://127.0.0.1:3411 --key al_live_…
 *     [--seconds 20] [--rounds 3] [--connections 16] [--batch 100] [--sessions 2000]
 * </pre>
 */
public final class OtlpLoad {

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private record Phase(String name, double requestsPerSecond, double itemsPerSecond, long errors) {}

  /**
   * Runs the comparison.
   *
   * @param args see the class comment
   * @throws Exception on I/O failure
   */
  public static void main(String[] args) throws Exception {
    java.util.Map<String, String> o = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String url = o.get("url");
    String key = o.get("key");
    if (url == null || key == null) {
      throw new IllegalArgumentException("--url and --key are required");
    }
    int seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
    int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
    int connections = Integer.parseInt(o.getOrDefault("connections", "16"));
    int batch = Integer.parseInt(o.getOrDefault("batch", "100"));
    int sessions = Integer.parseInt(o.getOrDefault("sessions", "2000"));
    new OtlpLoad().run(url, key, seconds, rounds, connections, batch, sessions);
  }

  private void run(
      String url, String key, int seconds, int rounds, int connections, int batch, int sessions)
      throws InterruptedException {
    String runId = UUID.randomUUID().toString().substring(0, 8);
    System.out.printf(
        "run %s: %d rounds of 2 × %d s, %d connections, %d events or spans per request%n",
        runId, rounds, seconds, connections, batch);
    List<Double> events = new ArrayList<>();
    List<Double> spans = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      Phase api =
          phase(
              "api/events",
              seconds,
              connections,
              batch,
              t -> {
                RealisticEvents gen = new RealisticEvents(t * 31L + 7, runId);
                return () ->
                    HttpRequest.newBuilder(URI.create(url + "/api/events"))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(gen.batch(batch, sessions)))
                        .build();
              });
      Phase otlp =
          phase(
              "v1/traces",
              seconds,
              connections,
              batch,
              t -> {
                RealisticSpans gen = new RealisticSpans(t * 31L + 11, runId);
                return () ->
                    HttpRequest.newBuilder(URI.create(url + "/v1/traces"))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/x-protobuf")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(gen.request(batch, sessions)))
                        .build();
              });
      for (Phase p : List.of(api, otlp)) {
        System.out.printf(
            "round %d %-10s %8.1f requests/s %9.0f %s/s  (%d errors)%n",
            r + 1,
            p.name(),
            p.requestsPerSecond(),
            p.itemsPerSecond(),
            p == api ? "events" : "spans",
            p.errors());
      }
      events.add(api.itemsPerSecond());
      spans.add(otlp.itemsPerSecond());
    }
    double e = median(events);
    double s = median(spans);
    System.out.printf(
        "median: /api/events %.0f events/s; /v1/traces %.0f spans/s (= %.0f events/s stored);"
            + " spans/s ÷ events/s = %.2f%n",
        e, s, s * RealisticSpans.EVENTS_PER_SPAN_NUMERATOR / RealisticSpans.SPANS_PER_TRACE, s / e);
  }

  private interface RequestSource {
    HttpRequest next();
  }

  private Phase phase(
      String name, int seconds, int connections, int batch, IntFunction<RequestSource> sources)
      throws InterruptedException {
    LongAdder ok = new LongAdder();
    LongAdder errors = new LongAdder();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < connections; t++) {
      RequestSource source = sources.apply(t);
      Thread worker =
          new Thread(
              () -> {
                while (System.nanoTime() < end) {
                  try {
                    HttpResponse<Void> r =
                        http.send(source.next(), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() / 100 == 2) {
                      ok.increment();
                    } else {
                      errors.increment();
                    }
                  } catch (Exception e) {
                    errors.increment();
                  }
                }
              },
              name + "-" + t);
      threads.add(worker);
      worker.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    return new Phase(name, ok.sum() / elapsed, ok.sum() * batch / elapsed, errors.sum());
  }

  private static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    return v.length == 0 ? 0 : v[v.length / 2];
  }
}
