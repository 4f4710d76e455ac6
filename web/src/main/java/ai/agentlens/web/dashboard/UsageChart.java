package ai.agentlens.web.dashboard;

import ai.agentlens.core.quota.UsageReport;
import ai.agentlens.web.dashboard.view.Fmt;
import ai.agentlens.web.dashboard.view.UsagePage;
import java.util.ArrayList;
import java.util.List;

/** Lays out the usage page's daily bars as SVG rectangles (no script, so CSP stays strict). */
final class UsageChart {

  static final int WIDTH = 620;
  static final int HEIGHT = 160;
  private static final int SLOT = 20;

  private UsageChart() {}

  static UsagePage.Chart of(List<UsageReport.Day> days) {
    long max = days.stream().mapToLong(UsageReport.Day::events).max().orElse(0);
    List<UsagePage.Bar> bars = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      UsageReport.Day d = days.get(i);
      int h = max == 0 ? 0 : (int) Math.max(d.events() > 0 ? 1 : 0, d.events() * HEIGHT / max);
      bars.add(
          new UsagePage.Bar(
              i * SLOT + 2,
              HEIGHT - h,
              SLOT - 4,
              h,
              d.date() + ": " + Fmt.count(d.events()) + (d.events() == 1 ? " event" : " events")));
    }
    return new UsagePage.Chart(WIDTH, HEIGHT, bars, Fmt.count(max));
  }
}
