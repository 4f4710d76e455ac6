package ai.agentlens.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.analytics.LlmAnalytics.Granularity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlmAnalyticsTest {

  private static LlmUsage row(String provider, String model, String hour, long calls, double cost) {
    return new LlmUsage(
        provider,
        model,
        Instant.parse(hour),
        calls,
        cost,
        calls * 10,
        calls * 2,
        calls * 100.0,
        calls);
  }

  private final List<LlmUsage> rows =
      List.of(
          row("openai", "gpt-4o", "2026-03-02T10:00:00Z", 2, 0.5),
          row("openai", "gpt-4o", "2026-03-02T11:00:00Z", 1, 0.25),
          row("anthropic", "claude", "2026-03-03T09:00:00Z", 1, 1.0));

  @Test
  void summarizesAndOrdersModelsByCost() {
    var r = LlmAnalytics.report(rows, Granularity.HOUR, null, null);
    assertThat(r.summary().totalCalls()).isEqualTo(4);
    assertThat(r.summary().totalCostUsd()).isEqualTo(1.75);
    assertThat(r.summary().totalInputTokens()).isEqualTo(40);
    assertThat(r.summary().avgLatencyMs()).isEqualTo(100.0);
    assertThat(r.summary().avgCostPerCall()).isEqualTo(1.75 / 4);
    assertThat(r.byModel())
        .extracting(LlmAnalytics.ByModel::model)
        .containsExactly("claude", "gpt-4o");
    assertThat(r.byModel().get(1).calls()).isEqualTo(3);
    assertThat(r.byTime())
        .extracting(LlmAnalytics.ByTime::bucket)
        .containsExactly("2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", "2026-03-03T09:00:00Z");
  }

  @Test
  void foldsDaysAndWeeksAndFilters() {
    var days = LlmAnalytics.report(rows, Granularity.DAY, null, null);
    assertThat(days.byTime())
        .extracting(LlmAnalytics.ByTime::bucket)
        .containsExactly("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z");
    assertThat(days.byTime().get(0).calls()).isEqualTo(3);
    // 2026-03-02 is a Monday: SQLite %W gives week 09
    var weeks = LlmAnalytics.report(rows, Granularity.WEEK, null, null);
    assertThat(weeks.byTime()).extracting(LlmAnalytics.ByTime::bucket).containsExactly("2026-09");
    assertThat(LlmAnalytics.label(Instant.parse("2026-01-01T00:00:00Z"), Granularity.WEEK))
        .isEqualTo("2026-00");
    var onlyOpenAi = LlmAnalytics.report(rows, Granularity.HOUR, "gpt-4o", "openai");
    assertThat(onlyOpenAi.summary().totalCalls()).isEqualTo(3);
    var none = LlmAnalytics.report(List.of(), Granularity.HOUR, null, null);
    assertThat(none.summary().avgCostPerCall()).isZero();
    assertThat(none.byTime()).isEmpty();
  }
}
