package ai.agentlens.core.port.alerting;

import java.time.Instant;
import java.util.Map;

/**
 * Per-agent totals that agent health is scored from, computed in the database for one org and one
 * time range (a constant number of grouped queries per org, whatever its number of agents; no
 * session or event leaves the database). Tenant-scoped: only the given org's rows are read. Errors:
 * {@link ai.agentlens.core.error.StorageException} subclasses only.
 */
public interface HealthAggregates {

  /**
   * Totals of the sessions of one agent that started in a range.
   *
   * @param sessions sessions with at least one event that started in the range
   * @param errored of those, sessions with {@code errorCount > 0}
   * @param completed of those, sessions with status {@code completed}
   * @param costUsd Σ {@code totalCostUsd} of those
   * @param ended of those, sessions with an {@code endedAt}
   * @param durationMs Σ ({@code endedAt − startedAt}) in milliseconds of the ended ones
   */
  record SessionTotals(
      long sessions, long errored, long completed, double costUsd, long ended, double durationMs) {}

  /**
   * Tool events of one agent in a range.
   *
   * @param calls {@code tool_call} events
   * @param errors {@code tool_error} events
   * @param failedResponses {@code tool_response} events whose payload has the JSON boolean {@code
   *     isError: true} at top level
   */
  record ToolTotals(long calls, long errors, long failedResponses) {}

  /**
   * Totals the org's sessions (with at least one event) whose {@code startedAt} is in {@code [from,
   * to)}, grouped by agent.
   *
   * @param orgId the org; {@code null} or blank reads nothing (empty map)
   * @param agentId only this agent, or {@code null} for every agent of the org
   * @param from range start, inclusive
   * @param to range end, exclusive
   * @return agent id → totals; agents without such a session are absent
   */
  Map<String, SessionTotals> sessions(String orgId, String agentId, Instant from, Instant to);

  /**
   * Counts the org's {@code tool_call}, {@code tool_error} and failed {@code tool_response} events
   * whose timestamp is in {@code [from, to)}, grouped by agent. OTLP metric events are counted like
   * any other (they are never tool events).
   *
   * @param orgId the org; {@code null} or blank reads nothing (empty map)
   * @param agentId only this agent, or {@code null} for every agent of the org
   * @param from range start, inclusive
   * @param to range end, exclusive
   * @return agent id → counts; agents with none of the counted events in the range are absent
   */
  Map<String, ToolTotals> tools(String orgId, String agentId, Instant from, Instant to);
}
