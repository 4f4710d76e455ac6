package ai.agentlens.storage.spi.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * How to count the events of a range [from, to) exactly and cheaply: whole UTC days from {@code
 * rollup_daily}, whole hours from {@code rollup_hourly} (both written with the events, so exact),
 * and each ragged end either added from the events or, when the rest of its hour is shorter,
 * covered by that hour's roll-up with the rest subtracted. Only the part of an event range before
 * now is priced (nothing is stored ahead of now but the odd early timestamp), so the open end of a
 * window that reaches now is always covered by its hour and the few events after now subtracted. A
 * range whose events are cheaper to read directly than any roll-up cover is one event span and no
 * roll-up.
 *
 * @param rollups roll-up spans to add: table and bucket range
 * @param events event ranges to count, each added ({@code sign} 1) or subtracted (−1)
 */
record HourPlan(List<Rollup> rollups, List<Events> events) {

  /** A roll-up table's buckets in [from, to). */
  record Rollup(String table, Instant from, Instant to) {}

  /** The events with timestamps in [from, to), added or subtracted. */
  record Events(Instant from, Instant to, int sign) {}

  private static final Duration HOUR = Duration.ofHours(1);

  /** Whether the range is read from the events alone. */
  boolean direct() {
    return rollups.isEmpty();
  }

  /**
   * Plans the count of [from, to).
   *
   * @param from start, inclusive
   * @param to end, exclusive
   * @param now the present, which prices event ranges (never changes the result)
   * @return the plan (empty for an empty range)
   */
  static HourPlan of(Instant from, Instant to, Instant now) {
    List<Rollup> rollups = new ArrayList<>();
    List<Events> events = new ArrayList<>();
    if (!from.isBefore(to)) {
      return new HourPlan(rollups, events);
    }
    Instant fs = from.truncatedTo(ChronoUnit.HOURS);
    Instant te = ceil(to);
    if (te.equals(fs.plus(HOUR))) {
      // why: the range lies within one hour: its events, or the hour less what lies around it
      if (cost(from, to, now) <= cost(fs, from, now) + cost(to, te, now)) {
        events.add(new Events(from, to, 1));
      } else {
        rollups.add(new Rollup("rollup_hourly", fs, te));
        subtract(events, fs, from);
        subtract(events, to, te);
      }
      return new HourPlan(rollups, events);
    }
    Instant start = from;
    if (!fs.equals(from)) {
      if (cost(fs, from, now) < cost(from, ceil(from), now)) {
        start = fs;
        subtract(events, fs, from);
      } else {
        start = ceil(from);
        events.add(new Events(from, start, 1));
      }
    }
    Instant end = to;
    Instant ts = to.truncatedTo(ChronoUnit.HOURS);
    if (!ts.equals(to)) {
      if (cost(to, te, now) < cost(ts, to, now)) {
        end = te;
        subtract(events, to, te);
      } else {
        end = ts;
        events.add(new Events(ts, to, 1));
      }
    }
    Instant d1 = start.truncatedTo(ChronoUnit.DAYS);
    d1 = d1.equals(start) ? start : d1.plus(1, ChronoUnit.DAYS);
    Instant d2 = end.truncatedTo(ChronoUnit.DAYS);
    if (d1.isBefore(d2)) {
      hours(rollups, start, d1);
      rollups.add(new Rollup("rollup_daily", d1, d2));
      hours(rollups, d2, end);
    } else {
      hours(rollups, start, end);
    }
    return new HourPlan(rollups, events);
  }

  private static void hours(List<Rollup> rollups, Instant from, Instant to) {
    if (from.isBefore(to)) {
      rollups.add(new Rollup("rollup_hourly", from, to));
    }
  }

  private static void subtract(List<Events> events, Instant from, Instant to) {
    if (from.isBefore(to)) {
      events.add(new Events(from, to, -1));
    }
  }

  private static Instant ceil(Instant t) {
    Instant down = t.truncatedTo(ChronoUnit.HOURS);
    return down.equals(t) ? t : down.plus(HOUR);
  }

  // why: the length of the range that lies before now, in ms: what reading its events costs
  private static long cost(Instant from, Instant to, Instant now) {
    Instant end = to.isAfter(now) ? now : to;
    return end.isAfter(from) ? Duration.between(from, end).toMillis() : 0;
  }
}
