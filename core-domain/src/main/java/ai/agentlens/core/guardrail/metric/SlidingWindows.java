package ai.agentlens.core.guardrail.metric;

import ai.agentlens.core.event.WindowCount;
import ai.agentlens.core.port.storage.EventStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * An agent's event counts over sliding windows [now − length, now + 1 s), kept up to date without
 * reading whole windows. Each window is held as its settled part, [now − length, now − 10 s), plus
 * the recent part, [now − 10 s, now + 1 s), which is always read afresh since events in flight may
 * still be stored there. Advancing from the previous evaluation adds the seconds that became
 * settled and removes those that left the window, so an agent evaluated every second reads about 12
 * s of rows per window instead of the whole window. An event stored more than 10 s after its
 * timestamp would be missed by that arithmetic: the caller names the oldest timestamp it just
 * stored, which makes a full count when it lies in the settled part; an event stored by another
 * process (cloud) is seen at the next full count, every {@link #recountNanos} at least (or when the
 * clock goes back). A length asked for the first time is counted in full on its own; the lengths
 * already held keep advancing.
 */
final class SlidingWindows {

  /** Entries beyond which those not used for a while are swept. */
  static final int SWEEP_ABOVE = 10_000;

  /** How far behind now events are taken as settled. */
  static final Duration SETTLE = Duration.ofSeconds(10);

  private static final Duration AHEAD = Duration.ofSeconds(1);

  private final EventStore events;
  private final LongSupplier nanoTime;
  private final long recountNanos;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  private static final class Entry {
    Instant at;
    long countedAt;
    long usedAt;
    Map<Duration, WindowCount> settled = Map.of();
  }

  /**
   * @param events the event log
   * @param nanoTime monotonic clock
   * @param recountNanos how often each window is counted in full at least
   */
  SlidingWindows(EventStore events, LongSupplier nanoTime, long recountNanos) {
    this.events = events;
    this.nanoTime = nanoTime;
    this.recountNanos = recountNanos;
  }

  /**
   * Counts an agent's events in each window [now − length, now + 1 s).
   *
   * @param oldestStored the oldest timestamp among the agent's events stored since the previous
   *     call by this process, or {@code null}
   * @return length to its counts (whose {@code from} is now − length)
   */
  Map<Duration, WindowCount> counts(
      String orgId, String agentId, Set<Duration> lengths, Instant now, Instant oldestStored) {
    if (lengths.isEmpty()) {
      return Map.of();
    }
    long nanos = nanoTime.getAsLong();
    sweep(nanos);
    Entry e = entries.computeIfAbsent(orgId + '|' + agentId, k -> new Entry());
    synchronized (e) {
      e.usedAt = nanos;
      Set<Duration> known = new HashSet<>(lengths);
      known.retainAll(e.settled.keySet());
      boolean full =
          e.at == null
              || known.isEmpty()
              || nanos - e.countedAt >= recountNanos
              || !now.isAfter(e.at)
              || (oldestStored != null && oldestStored.isBefore(e.at.minus(SETTLE)))
              || lengths.stream().anyMatch(d -> d.compareTo(SETTLE) <= 0);
      Map<Duration, WindowCount> out;
      if (full) {
        e.settled = Map.of();
        out = recount(orgId, agentId, e, lengths, now);
        e.countedAt = nanos;
      } else {
        // why: a rule with a new window length counts that window in full; the windows already
        // held advance as usual instead of being counted again
        out = advance(orgId, agentId, e, known, now);
        Set<Duration> fresh = new HashSet<>(lengths);
        fresh.removeAll(known);
        if (!fresh.isEmpty()) {
          out.putAll(recount(orgId, agentId, e, fresh, now));
        }
      }
      e.at = now;
      return out;
    }
  }

  private Map<Duration, WindowCount> recount(
      String orgId, String agentId, Entry e, Set<Duration> lengths, Instant now) {
    List<Duration> order = new ArrayList<>(lengths);
    List<Instant> starts = new ArrayList<>(order.size() + 1);
    for (Duration d : order) {
      starts.add(now.minus(d));
    }
    starts.add(now.minus(SETTLE));
    List<WindowCount> counted = events.windowCounts(orgId, agentId, starts, now.plus(AHEAD));
    WindowCount recent = counted.get(order.size());
    Map<Duration, WindowCount> out = new HashMap<>();
    Map<Duration, WindowCount> settled = new HashMap<>(e.settled);
    for (int i = 0; i < order.size(); i++) {
      out.put(order.get(i), counted.get(i));
      settled.put(order.get(i), minus(counted.get(i), recent));
    }
    e.settled = settled;
    return out;
  }

  private Map<Duration, WindowCount> advance(
      String orgId, String agentId, Entry e, Set<Duration> lengths, Instant now) {
    Instant settledBefore = e.at.minus(SETTLE);
    Instant settledNow = now.minus(SETTLE);
    List<WindowCount> fresh =
        events.windowCounts(orgId, agentId, List.of(settledBefore, settledNow), now.plus(AHEAD));
    WindowCount recent = fresh.get(1);
    WindowCount becameSettled = minus(fresh.get(0), recent);
    Map<Duration, WindowCount> out = new HashMap<>();
    Map<Duration, WindowCount> settled = new HashMap<>();
    for (Duration d : lengths) {
      WindowCount left =
          events.windowCounts(orgId, agentId, List.of(e.at.minus(d)), now.minus(d)).get(0);
      WindowCount s = minus(plus(e.settled.get(d), becameSettled), left);
      settled.put(d, s);
      WindowCount w = plus(s, recent);
      out.put(d, new WindowCount(now.minus(d), w.total(), w.errors(), w.sessionsStarted()));
    }
    e.settled = settled;
    return out;
  }

  private static WindowCount plus(WindowCount a, WindowCount b) {
    return new WindowCount(
        a.from(),
        a.total() + b.total(),
        a.errors() + b.errors(),
        a.sessionsStarted() + b.sessionsStarted());
  }

  private static WindowCount minus(WindowCount a, WindowCount b) {
    return new WindowCount(
        a.from(),
        a.total() - b.total(),
        a.errors() - b.errors(),
        a.sessionsStarted() - b.sessionsStarted());
  }

  private void sweep(long nanos) {
    if (entries.size() > SWEEP_ABOVE) {
      entries.values().removeIf(x -> nanos - x.usedAt >= recountNanos);
    }
  }
}
