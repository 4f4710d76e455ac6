package ai.agentlens.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.analytics.ActivityCell;
import ai.agentlens.web.dashboard.view.UsageSection;
import ai.agentlens.web.dashboard.view.UsageSection.LegendItem;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The heatmap's grid, colour levels and legend, and the trend picker's ranges. */
class UsageSectionsTest {

  @Test
  void cellsOfEveryAgentAddUpPerDayOfWeekAndHour() {
    UsageSection.Heatmap h =
        UsageSections.heatmap(
            List.of(
                new ActivityCell("a", 0, 9, 2),
                new ActivityCell("b", 0, 9, 6),
                new ActivityCell("a", 2, 15, 1),
                new ActivityCell("b", 6, 23, 3)));
    assertThat(h.rows()).hasSize(7);
    assertThat(h.rows()).allMatch(r -> r.cells().size() == 24);
    assertThat(h.rows().get(0).day()).isEqualTo("Sunday");
    assertThat(h.rows().get(6).abbr()).isEqualTo("Sat");
    UsageSection.HeatCell sunday9 = h.rows().get(0).cells().get(9);
    assertThat(sunday9.count()).isEqualTo(8);
    assertThat(sunday9.level()).isEqualTo(4);
    assertThat(sunday9.title()).isEqualTo("Sunday 09:00–10:00 UTC: 8 events");
    assertThat(h.rows().get(2).cells().get(15).title())
        .isEqualTo("Tuesday 15:00–16:00 UTC: 1 event");
    assertThat(h.rows().get(2).cells().get(15).level()).isEqualTo(1);
    assertThat(h.rows().get(6).cells().get(23).title()).startsWith("Saturday 23:00–00:00 UTC");
    assertThat(h.rows().get(6).cells().get(23).level()).isEqualTo(2);
    assertThat(h.rows().get(1).cells().get(0).text()).isEmpty();
    assertThat(h.rows().get(1).cells().get(0).level()).isZero();
    assertThat(h.total()).isEqualTo("12");
    assertThat(h.legend())
        .containsExactly(
            new LegendItem(0, "0"),
            new LegendItem(1, "1–2"),
            new LegendItem(2, "3–4"),
            new LegendItem(3, "5–6"),
            new LegendItem(4, "7–8"));
  }

  @Test
  void aSmallMaximumLeavesOutEmptyLevels() {
    assertThat(UsageSections.legend(1))
        .containsExactly(new LegendItem(0, "0"), new LegendItem(4, "1"));
    assertThat(UsageSections.legend(0)).containsExactly(new LegendItem(0, "0"));
  }

  @Test
  void everyCountFallsInTheLegendItemOfItsLevel() {
    Random random = new Random(162);
    for (int round = 0; round < 500; round++) {
      long max = 1 + random.nextInt(5000);
      long n = 1 + (long) (random.nextDouble() * max);
      int level = UsageSections.level(n, max);
      String label =
          UsageSections.legend(max).stream()
              .filter(l -> l.level() == level)
              .findFirst()
              .orElseThrow(() -> new AssertionError("no legend item for level " + level))
              .label()
              .replace(",", "");
      String[] range = label.split("–");
      long lo = Long.parseLong(range[0]);
      long hi = Long.parseLong(range[range.length - 1]);
      assertThat(n).as("n=%d max=%d level=%d", n, max, level).isBetween(lo, hi);
    }
  }

  @Test
  void theTrendPickerOffersSevenThirtyAndNinetyDays() {
    assertThat(UsageSections.trendDays("7")).isEqualTo(7);
    assertThat(UsageSections.trendDays("90")).isEqualTo(90);
    assertThat(UsageSections.trendDays(null)).isEqualTo(30);
    assertThat(UsageSections.trendDays("45")).isEqualTo(30);
    assertThat(UsageSections.trendDays("abc")).isEqualTo(30);
  }
}
