package ai.agentlens.launchers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sustained SDK-shaped ingest against a server process, recording every event id the server
 * acknowledged with {@code 202}, per session: what a fault test checks after the fault. Each thread
 * sends batches of explicit-id {@code tool_call} events and moves to a new session every few
 * batches, so sessions stay small enough to read back whole.
 */
final class IngestLoad implements AutoCloseable {

  private static final int BATCH = 20;
  private static final int BATCHES_PER_SESSION = 5;

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String baseUrl;
  private final String key;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> threads = new ArrayList<>();
  private final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
  private final Set<String> sessions = ConcurrentHashMap.newKeySet();
  private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
  private final AtomicInteger unanswered = new AtomicInteger();

  IngestLoad(String baseUrl, String key, int threadCount, String prefix) {
    this.baseUrl = baseUrl;
    this.key = key;
    for (int t = 0; t < threadCount; t++) {
      String name = prefix + "-t" + t;
      Thread thread = new Thread(() -> send(name), "ingest-load-" + t);
      thread.setDaemon(true);
      threads.add(thread);
    }
  }

  IngestLoad start() {
    threads.forEach(Thread::start);
    return this;
  }

  private void send(String name) {
    for (int batch = 0; running.get(); batch++) {
      String session = name + "-s" + batch / BATCHES_PER_SESSION;
      List<String> ids = new ArrayList<>(BATCH);
      StringBuilder body = new StringBuilder("{\"events\":[");
      for (int i = 0; i < BATCH; i++) {
        String id = session + "-b" + batch + "-e" + i;
        ids.add(id);
        body.append(i == 0 ? "" : ",")
            .append("{\"id\":\"")
            .append(id)
            .append("\",\"sessionId\":\"")
            .append(session)
            .append("\",\"agentId\":\"fault-agent\",\"eventType\":\"tool_call\",")
            .append("\"payload\":{\"toolName\":\"search\",\"callId\":\"")
            .append(id)
            .append("\",\"arguments\":{\"q\":\"shoes\"}}}");
      }
      body.append("]}");
      sessions.add(session);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(baseUrl + "/api/events"))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + key)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
              .build();
      try {
        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        if (status == 202) {
          acknowledged.computeIfAbsent(session, s -> ConcurrentHashMap.newKeySet()).addAll(ids);
        }
      } catch (IOException e) {
        unanswered.incrementAndGet();
        pause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Every event id acknowledged with 202, by session. */
  Map<String, Set<String>> acknowledged() {
    return acknowledged;
  }

  /** How many acknowledged events in all. */
  int acknowledgedCount() {
    return acknowledged.values().stream().mapToInt(Set::size).sum();
  }

  /** Every session a batch was sent for, acknowledged or not. */
  Set<String> sessions() {
    return sessions;
  }

  /** Responses by status, and {@code -1} for requests that got no response. */
  Map<Integer, Integer> outcomes() {
    Map<Integer, Integer> out = new java.util.TreeMap<>();
    statuses.forEach((s, n) -> out.put(s, n.get()));
    out.put(-1, unanswered.get());
    return out;
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    for (Thread t : threads) {
      t.join(35_000);
    }
  }
}
