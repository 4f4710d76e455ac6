package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.analytics.LlmAnalytics;
import ai.agentlens.core.analytics.LlmAnalytics.Granularity;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.read.LlmReports;
import ai.agentlens.web.dashboard.support.Flash;
import ai.agentlens.web.dashboard.support.OrgContext;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.view.AnalyticsPage;
import ai.agentlens.web.dashboard.view.Fmt;
import ai.agentlens.web.dashboard.view.SessionsPage;
import ai.agentlens.web.dashboard.view.TimelineItem.Fact;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The LLM analytics page (FR-83): charts and tables of calls, tokens and cost. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class AnalyticsPages {

  private record Range(String label, Duration length, Granularity granularity) {}

  private static final Map<String, Range> RANGES = new LinkedHashMap<>();

  static {
    RANGES.put("24h", new Range("Last 24 hours", Duration.ofHours(24), Granularity.HOUR));
    RANGES.put("7d", new Range("Last 7 days", Duration.ofDays(7), Granularity.DAY));
    RANGES.put("30d", new Range("Last 30 days", Duration.ofDays(30), Granularity.DAY));
    RANGES.put("90d", new Range("Last 90 days", Duration.ofDays(90), Granularity.WEEK));
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OrgContext context;
  private final LlmReports reports;
  private final Clock clock;
  private final UsageSections usage;

  AnalyticsPages(OrgContext context, LlmReports reports, Clock clock, UsageSections usage) {
    this.context = context;
    this.reports = reports;
    this.clock = clock;
    this.usage = usage;
  }

  /** The trend figure alone, for the range picker's htmx swap (the links work without it too). */
  @Get("/analytics/trend")
  MutableHttpResponse<?> trend(
      HttpRequest<?> request,
      @Nullable @QueryValue String days,
      @Nullable @QueryValue String range) {
    OrgContext.Current c = context.require(request);
    return Pages.ok(
        "analytics-trend",
        usage.trend(c.orgId(), UsageSections.trendDays(days), "range=" + rangeKey(range) + "&"));
  }

  private static String rangeKey(String range) {
    return range != null && RANGES.containsKey(range) ? range : "7d";
  }

  @Get("/analytics")
  MutableHttpResponse<?> analytics(
      HttpRequest<?> request,
      @Nullable @QueryValue String range,
      @Nullable @QueryValue String trend) {
    OrgContext.Current c = context.require(request);
    String key = rangeKey(range);
    Range r = RANGES.get(key);
    Instant to = clock.now();
    LlmAnalytics.Report report =
        reports.report(c.orgId(), to.minus(r.length()), to, r.granularity(), null, null, null);
    LlmAnalytics.Summary s = report.summary();
    List<Fact> summary =
        List.of(
            new Fact("LLM calls", Fmt.count(s.totalCalls())),
            new Fact("Total cost", Fmt.usd(s.totalCostUsd())),
            new Fact("Input tokens", Fmt.count(s.totalInputTokens())),
            new Fact("Output tokens", Fmt.count(s.totalOutputTokens())),
            new Fact("Mean latency", Fmt.ms(s.avgLatencyMs())),
            new Fact("Cost per call", Fmt.usd(s.avgCostPerCall())));
    List<AnalyticsPage.ModelRow> models =
        report.byModel().stream()
            .map(
                m ->
                    new AnalyticsPage.ModelRow(
                        m.provider(),
                        m.model(),
                        Fmt.count(m.calls()),
                        Fmt.count(m.inputTokens()),
                        Fmt.count(m.outputTokens()),
                        Fmt.usd(m.costUsd()),
                        Fmt.ms(m.avgLatencyMs())))
            .toList();
    List<LlmAnalytics.ByTime> series = filled(report.byTime(), to.minus(r.length()), to, r);
    List<AnalyticsPage.TimeRow> times =
        report.byTime().stream()
            .map(
                t ->
                    new AnalyticsPage.TimeRow(
                        t.bucket(),
                        Fmt.count(t.calls()),
                        Fmt.count(t.inputTokens() + t.outputTokens()),
                        Fmt.usd(t.costUsd()),
                        Fmt.ms(t.avgLatencyMs())))
            .toList();
    Map<String, Object> timeChart = new LinkedHashMap<>();
    timeChart.put("labels", series.stream().map(b -> shortLabel(b.bucket())).toList());
    timeChart.put("calls", series.stream().map(LlmAnalytics.ByTime::calls).toList());
    timeChart.put("cost", series.stream().map(LlmAnalytics.ByTime::costUsd).toList());
    timeChart.put("tokens", series.stream().map(t -> t.inputTokens() + t.outputTokens()).toList());
    Map<String, Object> modelChart = new LinkedHashMap<>();
    modelChart.put(
        "labels", report.byModel().stream().map(m -> m.provider() + " / " + m.model()).toList());
    modelChart.put("cost", report.byModel().stream().map(LlmAnalytics.ByModel::costUsd).toList());
    modelChart.put("calls", report.byModel().stream().map(LlmAnalytics.ByModel::calls).toList());
    List<SessionsPage.Option> choices =
        RANGES.entrySet().stream()
            .map(
                e ->
                    new SessionsPage.Option(
                        e.getKey(), e.getValue().label(), e.getKey().equals(key)))
            .toList();
    AnalyticsPage page =
        new AnalyticsPage(
            context.layout(c, "LLM analytics", "analytics").withFlash(Flash.read(request)),
            key,
            choices,
            summary,
            models,
            times,
            json(timeChart),
            json(modelChart),
            r.label() + ", by " + r.granularity().name().toLowerCase(java.util.Locale.ROOT),
            usage.build(c.orgId(), UsageSections.trendDays(trend), "range=" + key + "&"));
    return Pages.shown(request, "analytics", page);
  }

  @Error(exception = AccountException.class)
  MutableHttpResponse<?> refused(AccountException e) {
    return Pages.error(e);
  }

  /** The chart shows every bucket of the range, empty ones as zero (the tables only non-empty). */
  private static List<LlmAnalytics.ByTime> filled(
      List<LlmAnalytics.ByTime> rows, Instant from, Instant to, Range r) {
    Map<String, LlmAnalytics.ByTime> byLabel = new LinkedHashMap<>();
    Duration step = r.granularity() == Granularity.HOUR ? Duration.ofHours(1) : Duration.ofDays(1);
    Instant t =
        from.truncatedTo(
            r.granularity() == Granularity.HOUR
                ? java.time.temporal.ChronoUnit.HOURS
                : java.time.temporal.ChronoUnit.DAYS);
    for (; !t.isAfter(to); t = t.plus(step)) {
      String label = LlmAnalytics.label(t, r.granularity());
      byLabel.putIfAbsent(label, new LlmAnalytics.ByTime(label, 0, 0, 0, 0, 0));
    }
    rows.forEach(b -> byLabel.put(b.bucket(), b));
    return byLabel.values().stream()
        .sorted(java.util.Comparator.comparing(LlmAnalytics.ByTime::bucket))
        .toList();
  }

  /** {@code 2026-03-01T14:00:00Z} becomes {@code 03-01 14:00}; week labels stay as they are. */
  private static String shortLabel(String bucket) {
    if (bucket.length() < 16) {
      return bucket;
    }
    String day = bucket.substring(5, 10);
    String time = bucket.substring(11, 16);
    return "00:00".equals(time) ? day : day + " " + time;
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
