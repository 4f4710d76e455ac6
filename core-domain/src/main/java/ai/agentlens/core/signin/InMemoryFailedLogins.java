package ai.agentlens.core.signin;

import ai.agentlens.core.port.FailedLogins;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link FailedLogins} of one process (self-hosted): a deque of failure times per key, trimmed to
 * the window on every call. Keys whose deques empty are dropped, so memory follows live failures.
 */
public final class InMemoryFailedLogins implements FailedLogins {

  private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  @Override
  public int record(String key, Instant at, Duration window) {
    int[] n = new int[1];
    failures.compute(
        key,
        (k, d) -> {
          Deque<Instant> q = d == null ? new ArrayDeque<>() : d;
          q.addLast(at);
          trim(q, at, window);
          n[0] = q.size();
          return q;
        });
    return n[0];
  }

  @Override
  public int count(String key, Instant at, Duration window) {
    int[] n = new int[1];
    failures.computeIfPresent(
        key,
        (k, q) -> {
          trim(q, at, window);
          n[0] = q.size();
          return q.isEmpty() ? null : q;
        });
    return n[0];
  }

  @Override
  public void clear(String key) {
    failures.remove(key);
  }

  private static void trim(Deque<Instant> q, Instant at, Duration window) {
    Instant from = at.minus(window);
    while (!q.isEmpty() && !q.peekFirst().isAfter(from)) {
      q.removeFirst();
    }
  }
}
