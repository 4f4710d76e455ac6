package ai.agentlens.core.port.storage;

import ai.agentlens.core.analytics.RollupMismatch;
import ai.agentlens.core.error.StorageUnavailableException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * Operator maintenance of the {@link AnalyticsRollups} (issue 16): recompute them from the stored
 * events, and check that they agree with the events.
 *
 * <p>Both work one org and one UTC day at a time: {@link #rebuild} replaces that day's hourly and
 * daily roll-ups of that org in one bounded transaction, so a rebuild of a long range never holds a
 * long transaction and can be interrupted and resumed. A rebuild may run while events are being
 * appended: each day is replaced under the backend's lock that excludes concurrent roll-up writes
 * for its duration, so no event is lost or counted twice. Idempotent: rebuilding twice gives the
 * same roll-ups. Thread-safe. Errors: {@link StorageUnavailableException} only.
 */
public interface RollupMaintenance {

  /**
   * Recomputes the roll-ups of the days {@code from <= day <= to} from the events of those days.
   *
   * @param orgId one org, or {@code null} for every org
   * @param from first UTC day, inclusive
   * @param to last UTC day, inclusive
   * @param progress told one line per org and day done (for CLI output); may ignore it
   * @return number of (org, day) units rebuilt
   */
  long rebuild(String orgId, LocalDate from, LocalDate to, Consumer<String> progress);

  /**
   * Compares the roll-ups of the days {@code from <= day <= to} with a recomputation from the
   * events of those days, hourly and daily rows, summed over the write shards. Counts must be
   * equal; sums of doubles (cost, latency, tokens) may differ by a relative 1e-9 (summation order).
   * Reads only.
   *
   * @param orgId one org, or {@code null} for every org
   * @param from first UTC day, inclusive
   * @param to last UTC day, inclusive
   * @param progress told one line per org and day checked; may ignore it
   * @return every disagreement, ordered by org, table, bucket and key; empty when they agree
   */
  List<RollupMismatch> check(String orgId, LocalDate from, LocalDate to, Consumer<String> progress);
}
