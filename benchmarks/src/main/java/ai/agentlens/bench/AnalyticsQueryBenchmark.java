package ai.agentlens.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Latency of the analytics routes over HTTP against a running launcher, one org's key at a time.
 *
 * <pre>
 * AnalyticsQueryBenchmark --url http://127.0.0.1:3400 --keys k1,k2,… [--requests 200] [--warmup 20]
 * </pre>
 *
 * <p>Routes: {@code /api/analytics/llm} over the last 90 days with daily buckets, {@code
 * /api/analytics/tokens?days=90}, {@code /api/analytics/agents/activity} and {@code
 * /api/analytics/agents}. A route that answers {@code 404} (not in this build) is reported as
 * absent; any other status than {@code 200} stops the run. After {@code warmup} unmeasured rounds,
 * round <i>i</i> of {@code requests} uses key <i>i mod n</i>: first an unmeasured request that only
 * authenticates ({@code GET /api/events/bench-touch}, a {@code 404}), so the key's cached check is
 * warm (a cold one is a deliberate ~70 ms bcrypt, measured elsewhere), then each route once, timed
 * from send to the last byte. Prints a Markdown table with p50/p95/p99/max per route.
 */
public final class AnalyticsQueryBenchmark {

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;

  private AnalyticsQueryBenchmark(String base) {
    this.base = base;
  }

  /**
   * Runs the benchmark.
   *
   * @param args {@code --name value} options
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> o = AnalyticsLoader.Options.parse(args, 0);
    String[] keys = o.get("keys").split(",");
    int requests = Integer.parseInt(o.getOrDefault("requests", "200"));
    int warmup = Integer.parseInt(o.getOrDefault("warmup", "20"));
    Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Map<String, String> routes = new LinkedHashMap<>();
    routes.put(
        "/api/analytics/llm (90 days, daily)",
        "/api/analytics/llm?granularity=day&from=" + to.minus(Duration.ofDays(90)) + "&to=" + to);
    routes.put("/api/analytics/tokens?days=90", "/api/analytics/tokens?days=90");
    routes.put("/api/analytics/agents/activity", "/api/analytics/agents/activity");
    routes.put("/api/analytics/agents", "/api/analytics/agents");
    new AnalyticsQueryBenchmark(o.get("url")).run(routes, keys, requests, warmup);
  }

  private void run(Map<String, String> routes, String[] keys, int requests, int warmup)
      throws Exception {
    Map<String, String> present = new LinkedHashMap<>();
    List<String> absent = new ArrayList<>();
    for (var r : routes.entrySet()) {
      int status = get(r.getValue(), keys[0]).statusCode();
      if (status == 404) {
        absent.add(r.getKey());
      } else {
        present.put(r.getKey(), r.getValue());
      }
    }
    for (int i = 0; i < warmup; i++) {
      round(present, keys[i % keys.length]);
    }
    Map<String, double[]> ms = new LinkedHashMap<>();
    Map<String, long[]> bytes = new LinkedHashMap<>();
    present.keySet().forEach(k -> ms.put(k, new double[requests]));
    present.keySet().forEach(k -> bytes.put(k, new long[requests]));
    long t0 = System.nanoTime();
    for (int i = 0; i < requests; i++) {
      Map<String, double[]> took = round(present, keys[i % keys.length]);
      for (var e : ms.entrySet()) {
        e.getValue()[i] = took.get(e.getKey())[0];
        bytes.get(e.getKey())[i] = (long) took.get(e.getKey())[1];
      }
    }
    System.err.printf("[query] %d rounds in %.1f s%n", requests, (System.nanoTime() - t0) / 1e9);
    System.out.printf(
        "| route | requests | orgs | p50 ms | p95 ms | p99 ms | max ms | body bytes (median) |%n");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (var e : ms.entrySet()) {
      double[] v = e.getValue().clone();
      Arrays.sort(v);
      long[] b = bytes.get(e.getKey()).clone();
      Arrays.sort(b);
      System.out.printf(
          "| `%s` | %d | %d | %.1f | **%.1f** | %.1f | %.1f | %,d |%n",
          e.getKey(),
          requests,
          Math.min(keys.length, requests),
          rank(v, 0.50),
          rank(v, 0.95),
          rank(v, 0.99),
          v[v.length - 1],
          b[b.length / 2]);
    }
    for (String a : absent) {
      System.out.printf("| `%s` | — | — | absent (404 in this build) | | | | |%n", a);
    }
  }

  /** One round for one key: the touch, then each route; returns (ms, body bytes) per route. */
  private Map<String, double[]> round(Map<String, String> routes, String key) throws Exception {
    Map<String, double[]> last = new LinkedHashMap<>();
    int touch = get("/api/events/bench-touch", key).statusCode();
    if (touch != 404 && touch != 200) {
      throw new IllegalStateException("key check answered " + touch);
    }
    for (var r : routes.entrySet()) {
      long t = System.nanoTime();
      HttpResponse<byte[]> resp = get(r.getValue(), key);
      double took = (System.nanoTime() - t) / 1e6;
      if (resp.statusCode() != 200) {
        throw new IllegalStateException(
            r.getValue() + " answered " + resp.statusCode() + ": " + new String(resp.body()));
      }
      last.put(r.getKey(), new double[] {took, resp.body().length});
    }
    return last;
  }

  private HttpResponse<byte[]> get(String path, String key) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + key)
            .timeout(Duration.ofSeconds(120))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Nearest-rank percentile of sorted values. */
  static double rank(double[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
