package ai.agentlens.storage.spi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The plans count every instant of [from, to) exactly once and read few events. */
class HourPlanTest {

  private static final Instant DAY = Instant.parse("2026-03-10T00:00:00Z");
  private static final Instant FAR = Instant.parse("2030-01-01T00:00:00Z");

  private static Instant t(String hhmmss) {
    return Instant.parse("2026-03-10T" + hhmmss + "Z");
  }

  // why: how often the plan counts the instant: +1 per roll-up bucket or added span holding it,
  // -1 per subtracted span; an exact plan gives 1 inside the range and 0 outside
  private static int coverage(HourPlan p, Instant x) {
    int n = 0;
    for (HourPlan.Rollup r : p.rollups()) {
      n += !x.isBefore(r.from()) && x.isBefore(r.to()) ? 1 : 0;
    }
    for (HourPlan.Events e : p.events()) {
      n += !x.isBefore(e.from()) && x.isBefore(e.to()) ? e.sign() : 0;
    }
    return n;
  }

  @Test
  void everyInstantOfRandomRangesIsCountedOnceAndNothingOutsideThem() {
    Random rnd = new Random(7);
    for (int i = 0; i < 2_000; i++) {
      Instant from = DAY.plusSeconds(rnd.nextInt(5 * 86_400));
      Instant to = from.plusSeconds(rnd.nextInt(i % 2 == 0 ? 7_200 : 4 * 86_400));
      Instant now = from.plusSeconds(rnd.nextInt(5 * 86_400) - 86_400);
      HourPlan p = HourPlan.of(from, to, now);
      for (int k = 0; k < 200; k++) {
        Instant x =
            from.minusSeconds(7_200)
                .plusSeconds(rnd.nextLong(Duration.between(from, to).getSeconds() + 14_400));
        int inside = !x.isBefore(from) && x.isBefore(to) ? 1 : 0;
        assertThat(coverage(p, x))
            .as("%s in [%s, %s) now %s: %s", x, from, to, now, p)
            .isEqualTo(inside);
      }
      for (HourPlan.Rollup r : p.rollups()) {
        Duration unit = r.table().equals("rollup_daily") ? Duration.ofDays(1) : Duration.ofHours(1);
        assertThat(r.from().toEpochMilli() % unit.toMillis()).isZero();
        assertThat(r.to().toEpochMilli() % unit.toMillis()).isZero();
      }
    }
  }

  @Test
  void aShortWindowWithinAnHourReadsItsEventsOnly() {
    HourPlan p = HourPlan.of(t("10:05:30"), t("10:10:31"), FAR);
    assertThat(p.direct()).isTrue();
    assertThat(p.events()).containsExactly(new HourPlan.Events(t("10:05:30"), t("10:10:31"), 1));
  }

  @Test
  void anHourLongWindowEndingNowTakesBothHoursRollUpsLessTheShorterRaggedEnds() {
    Instant now = t("11:10:30");
    HourPlan p = HourPlan.of(t("10:10:30"), t("11:10:31"), now);
    assertThat(p.rollups())
        .containsExactly(new HourPlan.Rollup("rollup_hourly", t("10:00:00"), t("12:00:00")));
    assertThat(p.events())
        .as("10 minutes before the window and what lies after now are subtracted")
        .containsExactly(
            new HourPlan.Events(t("10:00:00"), t("10:10:30"), -1),
            new HourPlan.Events(t("11:10:31"), t("12:00:00"), -1));
  }

  @Test
  void aRaggedStartNearTheEndOfItsHourIsAddedFromTheEvents() {
    HourPlan p = HourPlan.of(t("10:55:00"), t("13:00:00"), FAR);
    assertThat(p.rollups())
        .containsExactly(new HourPlan.Rollup("rollup_hourly", t("11:00:00"), t("13:00:00")));
    assertThat(p.events()).containsExactly(new HourPlan.Events(t("10:55:00"), t("11:00:00"), 1));
  }

  @Test
  void wholeDaysComeFromTheDailyRollUps() {
    Instant from = Instant.parse("2026-03-10T22:00:00Z");
    Instant to = Instant.parse("2026-03-13T01:00:00Z");
    assertThat(HourPlan.of(from, to, FAR).rollups())
        .containsExactly(
            new HourPlan.Rollup("rollup_hourly", from, Instant.parse("2026-03-11T00:00:00Z")),
            new HourPlan.Rollup(
                "rollup_daily",
                Instant.parse("2026-03-11T00:00:00Z"),
                Instant.parse("2026-03-13T00:00:00Z")),
            new HourPlan.Rollup("rollup_hourly", Instant.parse("2026-03-13T00:00:00Z"), to));
  }

  @Test
  void anEmptyRangeHasNothingToRead() {
    assertThat(HourPlan.of(t("10:00:00"), t("10:00:00"), FAR).events()).isEmpty();
    assertThat(HourPlan.of(t("10:00:00"), t("09:00:00"), FAR).rollups()).isEmpty();
    assertThat(HourPlan.of(t("10:00:00"), t("09:00:00"), FAR).direct()).isTrue();
  }
}
