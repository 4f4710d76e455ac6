package ai.agentlens.core.analytics;

import ai.agentlens.core.port.storage.AnalyticsRollups;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-memory {@link AnalyticsRollups} over a list of recorded events, aggregated on each read as
 * the port's Javadoc says; it also remembers the ranges it was asked for.
 */
final class FakeRollups implements AnalyticsRollups {

  /** One recorded event: an LLM call when {@code llm}, else any other event. */
  record Ev(
      String orgId, String agentId, Instant at, boolean llm, long in, long out, double cost) {}

  final List<Ev> events = new ArrayList<>();
  LocalDate askedFrom;
  LocalDate askedTo;
  Instant askedStart;
  Instant askedEnd;

  FakeRollups llm(String org, String agent, String at, long in, long out, double cost) {
    events.add(new Ev(org, agent, Instant.parse(at), true, in, out, cost));
    return this;
  }

  FakeRollups other(String org, String agent, String at) {
    events.add(new Ev(org, agent, Instant.parse(at), false, 0, 0, 0));
    return this;
  }

  @Override
  public List<DailyTotals> daily(String orgId, LocalDate from, LocalDate to) {
    askedFrom = from;
    askedTo = to;
    Map<LocalDate, long[]> counts = new TreeMap<>();
    Map<LocalDate, Double> costs = new TreeMap<>();
    for (Ev e : events) {
      LocalDate d = LocalDate.ofInstant(e.at(), ZoneOffset.UTC);
      if (e.orgId().equals(orgId) && !d.isBefore(from) && !d.isAfter(to)) {
        long[] c = counts.computeIfAbsent(d, k -> new long[4]);
        c[0]++;
        if (e.llm()) {
          c[1]++;
          c[2] += e.in();
          c[3] += e.out();
          costs.merge(d, e.cost(), Double::sum);
        }
      }
    }
    List<DailyTotals> out = new ArrayList<>();
    counts.forEach(
        (d, c) ->
            out.add(new DailyTotals(d, c[0], c[1], c[2], c[3], costs.getOrDefault(d, 0.0), 0, 0)));
    return out;
  }

  @Override
  public List<ActivityCell> activity(String orgId, Instant from, Instant to) {
    askedStart = from;
    askedEnd = to;
    Map<String, Long> cells = new TreeMap<>();
    for (Ev e : inRange(orgId, from, to)) {
      ZonedDateTime z = e.at().atZone(ZoneOffset.UTC);
      int dow = z.getDayOfWeek().getValue() % 7;
      cells.merge(e.agentId() + "|" + dow + "|" + (100 + z.getHour()), 1L, Long::sum);
    }
    List<ActivityCell> out = new ArrayList<>();
    cells.forEach(
        (k, n) -> {
          String[] p = k.split("\\|");
          out.add(new ActivityCell(p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]) - 100, n));
        });
    out.sort(
        Comparator.comparing(ActivityCell::agentId)
            .thenComparingInt(ActivityCell::dow)
            .thenComparingInt(ActivityCell::hour));
    return out;
  }

  @Override
  public List<AgentTotals> agents(String orgId, Instant from, Instant to) {
    askedStart = from;
    askedEnd = to;
    Map<String, AgentTotals> byAgent = new TreeMap<>();
    for (Ev e : inRange(orgId, from, to)) {
      AgentTotals t =
          byAgent.getOrDefault(e.agentId(), new AgentTotals(e.agentId(), 0, 0, 0, 0, 0));
      byAgent.put(
          e.agentId(),
          new AgentTotals(
              e.agentId(),
              t.events() + 1,
              t.calls() + (e.llm() ? 1 : 0),
              t.inputTokens() + e.in(),
              t.outputTokens() + e.out(),
              t.costUsd() + e.cost()));
    }
    return new ArrayList<>(byAgent.values());
  }

  private List<Ev> inRange(String orgId, Instant from, Instant to) {
    return events.stream()
        .filter(e -> e.orgId().equals(orgId) && !e.at().isBefore(from) && e.at().isBefore(to))
        .toList();
  }
}
