package ai.agentlens.core.maintenance;

import ai.agentlens.core.analytics.RollupMismatch;
import ai.agentlens.core.port.storage.RollupMaintenance;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The operator's {@code rollups rebuild|check} command, the same on both launchers: validates the
 * range, runs the maintenance with one progress line per org and day, prints each mismatch and a
 * summary, and returns the process exit status.
 */
public final class RollupRepair {

  /** Exit status when {@code check} found roll-ups that disagree with the events. */
  public static final int MISMATCHES = 3;

  /** Exit status for a bad range. */
  public static final int BAD_INPUT = 2;

  /** The longest range one run accepts, in days. */
  public static final long MAX_DAYS = 3660;

  private final RollupMaintenance maintenance;

  /**
   * Creates the command over a backend's maintenance.
   *
   * @param maintenance the backend's roll-up maintenance
   */
  public RollupRepair(RollupMaintenance maintenance) {
    this.maintenance = Objects.requireNonNull(maintenance, "maintenance");
  }

  /**
   * Runs {@code rebuild} or {@code check}.
   *
   * @param rebuild {@code true} to rebuild, {@code false} to check
   * @param orgId one org, or {@code null} for all
   * @param from first UTC day, inclusive
   * @param to last UTC day, inclusive
   * @param out where lines go
   * @return 0 when done (rebuild) or when everything agrees (check), {@link #MISMATCHES} when check
   *     found a disagreement, {@link #BAD_INPUT} for a bad range
   */
  public int run(
      boolean rebuild, String orgId, LocalDate from, LocalDate to, Consumer<String> out) {
    if (from.isAfter(to)) {
      out.accept("--from " + from + " is after --to " + to);
      return BAD_INPUT;
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
      out.accept("the range may span at most " + MAX_DAYS + " days");
      return BAD_INPUT;
    }
    String who = orgId == null ? "every org" : "org " + orgId;
    if (rebuild) {
      long units = maintenance.rebuild(orgId, from, to, out);
      out.accept(
          "Rebuilt roll-ups of " + who + " for " + units + " org-day(s), " + from + ".." + to);
      return 0;
    }
    List<RollupMismatch> found = maintenance.check(orgId, from, to, out);
    found.forEach(m -> out.accept("MISMATCH " + m));
    if (found.isEmpty()) {
      out.accept("Roll-ups of " + who + " agree with the events, " + from + ".." + to);
      return 0;
    }
    out.accept(found.size() + " roll-up row(s) disagree with the events; run 'rollups rebuild'");
    return MISMATCHES;
  }
}
