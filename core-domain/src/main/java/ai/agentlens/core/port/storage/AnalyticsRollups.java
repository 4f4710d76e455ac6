package ai.agentlens.core.port.storage;

import ai.agentlens.core.analytics.ActivityCell;
import ai.agentlens.core.analytics.AgentTotals;
import ai.agentlens.core.analytics.DailyTotals;
import ai.agentlens.core.error.StorageUnavailableException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Pre-aggregated counts of an org's events per agent, provider, model and UTC hour and day (issue
 * 16). {@link EventStore#append} writes them in the same transaction as the events, bucketed by the
 * event's own timestamp, so they are exact, never lag and never count a duplicate or a rolled-back
 * event. This port reads them; every read is scoped to one org.
 *
 * <p>Thread-safe. Errors: {@link StorageUnavailableException} only.
 */
public interface AnalyticsRollups {

  /**
   * Totals per UTC day, for days {@code from <= date <= to}, ascending by date; days without any
   * event are absent.
   *
   * @param orgId the org
   * @param from first day, inclusive
   * @param to last day, inclusive
   * @return the days that have events
   */
  List<DailyTotals> daily(String orgId, LocalDate from, LocalDate to);

  /**
   * Events per agent by UTC day of week and hour of day, for events with {@code from <= timestamp <
   * to} (both hour-aligned); cells with no event are absent; ordered by agent, day of week, hour.
   *
   * @param orgId the org
   * @param from inclusive start, a whole hour
   * @param to exclusive end, a whole hour
   * @return the non-empty cells
   */
  List<ActivityCell> activity(String orgId, Instant from, Instant to);

  /**
   * Totals per agent for events with {@code from <= timestamp < to} (both hour-aligned); agents
   * without any event in the range are absent; ordered by agent id.
   *
   * @param orgId the org
   * @param from inclusive start, a whole hour
   * @param to exclusive end, a whole hour
   * @return one line per agent with events
   */
  List<AgentTotals> agents(String orgId, Instant from, Instant to);
}
