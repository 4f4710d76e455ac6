package ai.agentlens.core.incident;

import ai.agentlens.core.incident.model.RequestObservation;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The observations of one (rule, agent) within the rule's window, oldest first; bounded to {@link
 * #MAX} entries (the oldest are dropped). Not thread-safe.
 */
final class RuleWindow {

  /** How many observations one window keeps at most. */
  static final int MAX = 10_000;

  private final Deque<RequestObservation> items = new ArrayDeque<>();

  void add(RequestObservation o, Instant cutoff) {
    items.addLast(o);
    while (items.size() > MAX) {
      items.removeFirst();
    }
    trim(cutoff);
  }

  void trim(Instant cutoff) {
    while (!items.isEmpty() && items.peekFirst().at().isBefore(cutoff)) {
      items.removeFirst();
    }
  }

  boolean isEmpty() {
    return items.isEmpty();
  }

  long errors() {
    return items.stream().filter(RequestObservation::error).count();
  }

  double cost() {
    return items.stream().mapToDouble(RequestObservation::costUsd).sum();
  }

  /** The nearest-rank p95 of the known latencies, or -1 when none is known. */
  double p95Latency() {
    double[] l =
        items.stream()
            .filter(o -> o.latencyMs() != null)
            .mapToDouble(RequestObservation::latencyMs)
            .toArray();
    if (l.length == 0) {
      return -1;
    }
    Arrays.sort(l);
    int rank = (int) Math.ceil(0.95 * l.length);
    return l[Math.max(0, rank - 1)];
  }

  int size() {
    return items.size();
  }
}
