package ai.agentlens.core.analytics;

import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.AgentStore;
import ai.agentlens.core.port.storage.AnalyticsRollups;
import ai.agentlens.core.session.Agent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An org's usage analytics from the roll-ups (issue 16), shared by the JSON API and the dashboard:
 * the daily LLM token trend, the agents' activity by day of week and hour, and LLM usage per agent
 * this calendar month. All days, hours and months are UTC. Thread-safe; errors are the ports' (plus
 * {@link InvalidInputException} for a range outside 1–90 days).
 */
public final class TenantAnalytics {

  /** Days of the trend when none are asked for. */
  public static final int DEFAULT_DAYS = 30;

  /** The longest trend one request may ask for. */
  public static final int MAX_DAYS = 90;

  /** How far back the activity heatmap looks. */
  public static final Duration ACTIVITY_WINDOW = Duration.ofDays(30);

  /**
   * One UTC day of the token trend.
   *
   * @param date the day
   * @param count LLM tokens (input + output)
   * @param calls LLM calls
   * @param costUsd cost of those calls
   */
  public record TokenDay(LocalDate date, long count, long calls, double costUsd) {

    /** Checks the day is set. */
    public TokenDay {
      Objects.requireNonNull(date, "date");
    }
  }

  /**
   * One agent's LLM usage this month.
   *
   * @param agentId the agent
   * @param name its display name (the id when it never reported one)
   * @param tokenCount LLM tokens (input + output)
   * @param calls LLM calls
   * @param costUsd cost of those calls
   */
  public record AgentUsage(
      String agentId, String name, long tokenCount, long calls, double costUsd) {

    /** Checks the keys are set. */
    public AgentUsage {
      Objects.requireNonNull(agentId, "agentId");
      Objects.requireNonNull(name, "name");
    }
  }

  private static final Comparator<AgentUsage> BY_TOKENS =
      Comparator.comparingLong(AgentUsage::tokenCount)
          .reversed()
          .thenComparing(AgentUsage::agentId);

  private final AnalyticsRollups rollups;
  private final AgentStore agents;
  private final Clock clock;

  /**
   * Creates the use case.
   *
   * @param rollups the org's roll-ups
   * @param agents the org's known agents (for names and zero-usage lines)
   * @param clock the time source ("today", "this month")
   */
  public TenantAnalytics(AnalyticsRollups rollups, AgentStore agents, Clock clock) {
    this.rollups = Objects.requireNonNull(rollups, "rollups");
    this.agents = Objects.requireNonNull(agents, "agents");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The daily LLM token trend: exactly {@code days} UTC days ending today, ascending, days without
   * calls as zeros.
   *
   * @param orgId the org
   * @param days how many days, 1 to {@link #MAX_DAYS}
   * @return one entry per day
   * @throws InvalidInputException when {@code days} is outside 1–{@value #MAX_DAYS}
   */
  public List<TokenDay> tokens(String orgId, int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw new InvalidInputException(
          "days must be from 1 to " + MAX_DAYS + " (the maximum range is " + MAX_DAYS + " days)");
    }
    LocalDate today = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
    LocalDate first = today.minusDays(days - 1L);
    Map<LocalDate, DailyTotals> byDay = new HashMap<>();
    for (DailyTotals d : rollups.daily(orgId, first, today)) {
      byDay.put(d.date(), d);
    }
    List<TokenDay> out = new ArrayList<>(days);
    for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
      DailyTotals t = byDay.get(d);
      out.add(
          t == null
              ? new TokenDay(d, 0, 0, 0)
              : new TokenDay(d, t.inputTokens() + t.outputTokens(), t.calls(), t.costUsd()));
    }
    return List.copyOf(out);
  }

  /**
   * The agents' events by UTC day of week (0 = Sunday) and hour over the last 30 days: the window
   * ends at the next whole hour (so the current hour counts) and starts 30 days before. Only
   * non-empty cells, ordered by agent, day of week, hour; empty when nothing happened.
   *
   * @param orgId the org
   * @return the cells
   */
  public List<ActivityCell> activity(String orgId) {
    Instant end = clock.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    return List.copyOf(rollups.activity(orgId, end.minus(ACTIVITY_WINDOW), end));
  }

  /**
   * LLM usage per agent this calendar month (UTC): every agent the org has, those without calls
   * this month with zeros, sorted by tokens descending, then agent id.
   *
   * @param orgId the org
   * @return one line per agent
   */
  public List<AgentUsage> agents(String orgId) {
    LocalDate today = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
    Instant monthStart = today.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant nextMonth =
        today.withDayOfMonth(1).plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Map<String, String> names = new LinkedHashMap<>();
    for (Agent a : agents.list(orgId)) {
      names.put(a.id(), a.name());
    }
    Map<String, AgentUsage> lines = new HashMap<>();
    for (AgentTotals t : rollups.agents(orgId, monthStart, nextMonth)) {
      lines.put(
          t.agentId(),
          new AgentUsage(
              t.agentId(),
              names.getOrDefault(t.agentId(), t.agentId()),
              t.inputTokens() + t.outputTokens(),
              t.calls(),
              t.costUsd()));
    }
    names.forEach((id, name) -> lines.putIfAbsent(id, new AgentUsage(id, name, 0, 0, 0)));
    List<AgentUsage> out = new ArrayList<>(lines.values());
    out.sort(BY_TOKENS);
    return List.copyOf(out);
  }
}
