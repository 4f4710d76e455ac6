package ai.agentlens.core.guardrail.metric;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.WindowCount;
import ai.agentlens.core.guardrail.model.GuardrailRule;
import ai.agentlens.core.health.AgentHealth;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.port.storage.AnalyticsRollups;
import ai.agentlens.core.port.storage.EventStore;
import ai.agentlens.core.port.storage.SessionStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Measures a metric rule for one agent after a batch of its events was stored (reference §4.3.6):
 * error rate = error events (severity error/critical, or type tool_error) over all events of the
 * window, in percent; daily cost = the agent's spend since 00:00 UTC; session cost = the highest
 * spend of the batch's sessions; health = the agent's overall score; custom metric = the newest
 * stored event's numeric metadata at the key path, or a count over the window. Empty when there is
 * nothing to measure (no events in the window, no session, no score, no such metadata). A health
 * reading (a score over days) is reused for an agent and window for up to five minutes, so an agent
 * evaluated after every batch does not recompute its score each time; event windows are advanced
 * from the previous evaluation by {@link SlidingWindows} and counted in full every 30 s.
 */
public final class MetricReadings {

  private final EventStore events;
  private final SessionStore sessions;
  private final AnalyticsRollups rollups;
  private final AgentHealth health;
  private final LongSupplier nanoTime;
  private final Map<String, Scored> scores = new ConcurrentHashMap<>();
  private final SlidingWindows windowCounts;
  private final long recountMillis;

  private record Scored(Optional<Double> value, long at) {}

  /** How long a health reading is reused. */
  // why: a score over days moves slowly, and recomputing it was the largest part of evaluation's
  // database time (63 of 112 native samples of the evaluation threads with a minute; 20 agents)
  static final long HEALTH_TTL_NANOS = 300_000_000_000L;

  /** How often an agent's event windows are counted in full rather than advanced, by default. */
  public static final long RECOUNT_MILLIS = 30_000L;

  /** Cached health readings beyond which stale ones are swept. */
  static final int SWEEP_ABOVE = 10_000;

  /**
   * Wires the readings.
   *
   * @param events the event log
   * @param sessions sessions (for session cost)
   * @param rollups analytics roll-ups (for daily cost)
   * @param health health scores
   * @param nanoTime the monotonic clock health readings age by, e.g. {@code System::nanoTime}
   */
  public MetricReadings(
      EventStore events,
      SessionStore sessions,
      AnalyticsRollups rollups,
      AgentHealth health,
      LongSupplier nanoTime) {
    this(events, sessions, rollups, health, nanoTime, RECOUNT_MILLIS);
  }

  /**
   * Wires the readings with how often event windows are counted in full.
   *
   * @param events the event log
   * @param sessions sessions (for session cost)
   * @param rollups analytics roll-ups (for daily cost)
   * @param health health scores
   * @param nanoTime the monotonic clock health readings age by, e.g. {@code System::nanoTime}
   * @param recountMillis how often an agent's windows are counted in full at least, &gt; 0: the
   *     bound on how long events stored late by another process (or written around the ingest path,
   *     e.g. an import) stay out of a window
   */
  public MetricReadings(
      EventStore events,
      SessionStore sessions,
      AnalyticsRollups rollups,
      AgentHealth health,
      LongSupplier nanoTime,
      long recountMillis) {
    if (recountMillis <= 0) {
      throw new IllegalArgumentException("recountMillis must be > 0");
    }
    this.events = events;
    this.sessions = sessions;
    this.rollups = rollups;
    this.health = health;
    this.nanoTime = nanoTime;
    this.windowCounts = new SlidingWindows(events, nanoTime, recountMillis * 1_000_000L);
    this.recountMillis = recountMillis;
  }

  /**
   * Returns how often an agent's windows are counted in full at least.
   *
   * @return milliseconds
   */
  public long recountMillis() {
    return recountMillis;
  }

  /**
   * Names what a rule measures, so rules that measure the same thing (same condition and window)
   * can share one reading within an evaluation; thresholds and operators are not part of it.
   *
   * @param rule a metric rule
   * @return the key
   */
  public static String key(GuardrailRule rule) {
    JsonObject c = rule.conditionConfig();
    return switch (rule.conditionType()) {
      case ERROR_RATE_THRESHOLD -> "error_rate|" + c.get("windowMinutes");
      case COST_LIMIT -> "cost|" + c.string("scope");
      case HEALTH_SCORE_THRESHOLD -> "health|" + c.get("windowDays");
      case CUSTOM_METRIC ->
          "custom|"
              + c.string("metricKeyPath")
              + "|"
              + c.string("metricName")
              + "|"
              + c.get("windowMinutes");
      default -> "rule|" + rule.id();
    };
  }

  /**
   * Measures an agent's rules together: rules that measure the same thing ({@link #key}) share one
   * reading, and the event windows of all error-rate and count rules are counted in one query.
   *
   * @param rules the agent's metric rules
   * @param orgId the org
   * @param agentId the agent
   * @param stored the agent's events just stored
   * @param now the time of evaluation
   * @return rule id to value (empty: nothing to measure), in the order of {@code rules}
   */
  public Map<String, Optional<Double>> measureAll(
      List<GuardrailRule> rules, String orgId, String agentId, List<Event> stored, Instant now) {
    Set<Duration> lengths = new LinkedHashSet<>();
    for (GuardrailRule r : rules) {
      if (countsEvents(r)) {
        lengths.add(length(r.conditionConfig()));
      }
    }
    Map<Instant, WindowCount> windows = new HashMap<>();
    windowCounts
        .counts(
            orgId,
            agentId,
            lengths,
            now,
            stored.stream().map(Event::timestamp).min(Instant::compareTo).orElse(null))
        .forEach((length, count) -> windows.put(now.minus(length), count));
    Map<String, Optional<Double>> byKey = new HashMap<>();
    Map<String, Optional<Double>> out = new LinkedHashMap<>();
    for (GuardrailRule r : rules) {
      out.put(
          r.id(),
          byKey.computeIfAbsent(key(r), k -> measure(r, orgId, agentId, stored, now, windows)));
    }
    return out;
  }

  private static boolean countsEvents(GuardrailRule r) {
    return switch (r.conditionType()) {
      case ERROR_RATE_THRESHOLD -> true;
      case CUSTOM_METRIC -> r.conditionConfig().string("metricKeyPath") == null;
      default -> false;
    };
  }

  private Optional<Double> measure(
      GuardrailRule rule,
      String orgId,
      String agentId,
      List<Event> stored,
      Instant now,
      Map<Instant, WindowCount> windows) {
    JsonObject c = rule.conditionConfig();
    return switch (rule.conditionType()) {
      case ERROR_RATE_THRESHOLD -> errorRate(window(orgId, agentId, since(now, c), now, windows));
      case COST_LIMIT ->
          "session".equals(c.string("scope"))
              ? sessionCost(orgId, stored)
              : Optional.of(dailyCost(orgId, agentId, now));
      case HEALTH_SCORE_THRESHOLD ->
          healthScore(orgId, agentId, ((Number) c.get("windowDays")).intValue());
      case CUSTOM_METRIC -> custom(c, orgId, agentId, stored, now, windows);
      default -> Optional.empty();
    };
  }

  private Optional<Double> healthScore(String orgId, String agentId, int days) {
    long now = nanoTime.getAsLong();
    String k = orgId + '|' + agentId + '|' + days;
    Scored cached = scores.get(k);
    if (cached != null && now - cached.at() < HEALTH_TTL_NANOS) {
      return cached.value();
    }
    if (scores.size() > SWEEP_ABOVE) {
      scores.values().removeIf(x -> now - x.at() >= HEALTH_TTL_NANOS);
    }
    Optional<Double> value = health.agent(orgId, agentId, days).map(r -> r.overallScore());
    scores.put(k, new Scored(value, now));
    return value;
  }

  private static Instant since(Instant now, JsonObject c) {
    return now.minus(length(c));
  }

  private static Duration length(JsonObject c) {
    return Duration.ofMinutes(((Number) c.get("windowMinutes")).longValue());
  }

  private WindowCount window(
      String orgId, String agentId, Instant from, Instant now, Map<Instant, WindowCount> windows) {
    return windows.computeIfAbsent(
        from, f -> events.windowCounts(orgId, agentId, List.of(f), now.plusSeconds(1)).get(0));
  }

  private static Optional<Double> errorRate(WindowCount w) {
    if (w.total() == 0) {
      return Optional.empty();
    }
    return Optional.of(w.errors() * 100.0 / w.total());
  }

  private double dailyCost(String orgId, String agentId, Instant now) {
    Instant day = now.truncatedTo(ChronoUnit.DAYS);
    Instant end = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
    return rollups.agents(orgId, day, end).stream()
        .filter(t -> t.agentId().equals(agentId))
        .mapToDouble(t -> t.costUsd())
        .sum();
  }

  private Optional<Double> sessionCost(String orgId, List<Event> stored) {
    Set<String> ids = new LinkedHashSet<>();
    for (Event e : stored) {
      ids.add(e.sessionId());
    }
    OptionalDouble max = sessions.maxTotalCost(orgId, ids);
    return max.isPresent() ? Optional.of(max.getAsDouble()) : Optional.empty();
  }

  // why: one pass, newest first in log order, instead of sorting every stored event; a path is
  // read only on an event newer (timestamp, then id) than the newest that had one
  static Optional<Double> newestAt(List<Event> stored, String path) {
    Event best = null;
    Double value = null;
    for (int i = stored.size() - 1; i >= 0; i--) {
      Event e = stored.get(i);
      if (best != null && NEWEST.compare(e, best) <= 0) {
        continue;
      }
      Double v = Conditions.at(e.metadata().tree(), path);
      if (v != null) {
        best = e;
        value = v;
      }
    }
    return Optional.ofNullable(value);
  }

  private static final Comparator<Event> NEWEST =
      Comparator.comparing(Event::timestamp).thenComparing(Event::id);

  private Optional<Double> custom(
      JsonObject c,
      String orgId,
      String agentId,
      List<Event> stored,
      Instant now,
      Map<Instant, WindowCount> windows) {
    String path = c.string("metricKeyPath");
    if (path != null) {
      return newestAt(stored, path);
    }
    WindowCount w = window(orgId, agentId, since(now, c), now, windows);
    return Optional.of(
        (double)
            switch (c.string("metricName")) {
              case "error_count" -> w.errors();
              case "session_count" -> w.sessionsStarted();
              default -> w.total();
            });
  }
}
