package ai.agentlens.web.dashboard;

import ai.agentlens.core.analytics.ActivityCell;
import ai.agentlens.core.analytics.TenantAnalytics;
import ai.agentlens.core.port.Clock;
import ai.agentlens.web.dashboard.view.Fmt;
import ai.agentlens.web.dashboard.view.SessionsPage;
import ai.agentlens.web.dashboard.view.TimelineItem.Fact;
import ai.agentlens.web.dashboard.view.UsageSection;
import ai.agentlens.web.dashboard.view.UsageSection.HeatCell;
import ai.agentlens.web.dashboard.view.UsageSection.HeatRow;
import ai.agentlens.web.dashboard.view.UsageSection.LegendItem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the analytics page's roll-up sections from {@link TenantAnalytics}, the same use case the
 * {@code /api/analytics/tokens}, {@code /agents/activity} and {@code /agents} routes answer from.
 */
@Singleton
public class UsageSections {

  /** The trend ranges the picker offers, in days. */
  static final List<Integer> TREND_DAYS = List.of(7, 30, 90);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TenantAnalytics analytics;
  private final Clock clock;

  UsageSections(TenantAnalytics analytics, Clock clock) {
    this.analytics = analytics;
    this.clock = clock;
  }

  /**
   * Reads a trend range from a query value: one of {@link #TREND_DAYS}, else the default.
   *
   * @param raw the query value, or {@code null}
   * @return the days
   */
  static int trendDays(String raw) {
    for (int d : TREND_DAYS) {
      if (String.valueOf(d).equals(raw)) {
        return d;
      }
    }
    return TenantAnalytics.DEFAULT_DAYS;
  }

  /**
   * Builds every section.
   *
   * @param orgId the org
   * @param days the trend range
   * @param otherQuery the page's other query parameters (e.g. {@code range=7d})
   * @return the sections
   */
  UsageSection build(String orgId, int days, String otherQuery) {
    List<UsageSection.AgentRow> agents =
        analytics.agents(orgId).stream()
            .map(
                a ->
                    new UsageSection.AgentRow(
                        a.agentId(),
                        a.name(),
                        Fmt.count(a.tokenCount()),
                        Fmt.count(a.calls()),
                        Fmt.usd(a.costUsd())))
            .toList();
    LocalDate today = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
    String month =
        today.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + today.getYear();
    return new UsageSection(
        trend(orgId, days, otherQuery), heatmap(analytics.activity(orgId)), agents, month);
  }

  /**
   * Builds the trend figure alone (the range picker's fragment).
   *
   * @param orgId the org
   * @param days the range
   * @param otherQuery the page's other query parameters
   * @return the figure
   */
  UsageSection.Trend trend(String orgId, int days, String otherQuery) {
    List<TenantAnalytics.TokenDay> series = analytics.tokens(orgId, days);
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("labels", series.stream().map(d -> d.date().toString().substring(5)).toList());
    chart.put("tokens", series.stream().map(TenantAnalytics.TokenDay::count).toList());
    chart.put("calls", series.stream().map(TenantAnalytics.TokenDay::calls).toList());
    chart.put("cost", series.stream().map(TenantAnalytics.TokenDay::costUsd).toList());
    long tokens = series.stream().mapToLong(TenantAnalytics.TokenDay::count).sum();
    long calls = series.stream().mapToLong(TenantAnalytics.TokenDay::calls).sum();
    double cost = series.stream().mapToDouble(TenantAnalytics.TokenDay::costUsd).sum();
    List<Fact> totals =
        List.of(
            new Fact("Tokens", Fmt.count(tokens)),
            new Fact("LLM calls", Fmt.count(calls)),
            new Fact("Cost", Fmt.usd(cost)));
    List<UsageSection.TrendRow> rows =
        series.stream()
            .map(
                d ->
                    new UsageSection.TrendRow(
                        d.date().toString(),
                        Fmt.count(d.count()),
                        Fmt.count(d.calls()),
                        Fmt.usd(d.costUsd())))
            .toList();
    List<SessionsPage.Option> ranges =
        TREND_DAYS.stream()
            .map(d -> new SessionsPage.Option(String.valueOf(d), d + " days", d == days))
            .toList();
    return new UsageSection.Trend(days, ranges, json(chart), totals, rows, otherQuery);
  }

  /** Sums the agents' cells per day of week and hour and maps them to colour levels 0–4. */
  static UsageSection.Heatmap heatmap(List<ActivityCell> cells) {
    long[][] grid = new long[7][24];
    long total = 0;
    for (ActivityCell c : cells) {
      grid[c.dow()][c.hour()] += c.count();
      total += c.count();
    }
    long max = 0;
    for (long[] day : grid) {
      for (long n : day) {
        max = Math.max(max, n);
      }
    }
    List<HeatRow> rows = new ArrayList<>();
    for (int dow = 0; dow < 7; dow++) {
      // why: dow 0 is Sunday (PostgreSQL's extract(dow)); DayOfWeek counts Monday = 1 … Sunday = 7
      DayOfWeek d = DayOfWeek.of(dow == 0 ? 7 : dow);
      String day = d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      List<HeatCell> hours = new ArrayList<>();
      for (int h = 0; h < 24; h++) {
        long n = grid[dow][h];
        String title =
            String.format(
                Locale.ROOT,
                "%s %02d:00–%02d:00 UTC: %s %s",
                day,
                h,
                (h + 1) % 24,
                Fmt.count(n),
                n == 1 ? "event" : "events");
        hours.add(new HeatCell(n, n == 0 ? "" : Fmt.count(n), level(n, max), title));
      }
      rows.add(new HeatRow(day, d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH), hours));
    }
    return new UsageSection.Heatmap(rows, legend(max), Fmt.count(total));
  }

  /** Level k (1–4) holds the counts in ((k-1)·max/4, k·max/4]; 0 is no event. */
  static int level(long n, long max) {
    return n <= 0 || max <= 0 ? 0 : (int) Math.min(4, (4 * n + max - 1) / max);
  }

  static List<LegendItem> legend(long max) {
    List<LegendItem> out = new ArrayList<>();
    out.add(new LegendItem(0, "0"));
    for (int k = 1; k <= 4; k++) {
      long lo = (k - 1) * max / 4 + 1;
      long hi = k * max / 4;
      if (lo <= hi) {
        out.add(new LegendItem(k, lo == hi ? Fmt.count(lo) : Fmt.count(lo) + "–" + Fmt.count(hi)));
      }
    }
    return out;
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
