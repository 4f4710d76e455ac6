package ai.agentlens.core.port.memory;

import java.time.Instant;
import java.util.List;

/**
 * The reads behind reflect's analyses (reference §4.3.7): aggregates computed by the database, and
 * capped, newest-first row lists where an analysis needs rows. Thread-safe; every method reads only
 * the filter's org (a {@code null} or blank org reads nothing) and events with {@code from <=
 * timestamp < to}, of the filter's agent when one is given. An error event is a {@code tool_error}
 * or {@code error} event or any event of severity {@code error} or {@code critical}. Errors: {@link
 * ai.agentlens.core.error.StorageUnavailableException}.
 */
public interface ReflectReads {

  /**
   * Which events count.
   *
   * @param orgId the org
   * @param agentId only this agent, or {@code null}
   * @param from timestamps at or after (required)
   * @param to timestamps strictly before (required)
   */
  record Filter(String orgId, String agentId, Instant from, Instant to) {}

  /**
   * How much the filter covers.
   *
   * @param sessions distinct sessions with an event in range
   * @param events events in range
   */
  record Totals(long sessions, long events) {}

  /**
   * One error event.
   *
   * @param eventId the event
   * @param sessionId its session
   * @param agentId its agent
   * @param eventType its wire type
   * @param toolName {@code payload.toolName}, or {@code null}
   * @param message {@code payload.error}, else {@code payload.message}, or {@code null}
   * @param timestamp when
   */
  record ErrorRow(
      String eventId,
      String sessionId,
      String agentId,
      String eventType,
      String toolName,
      String message,
      Instant timestamp) {}

  /**
   * One {@code tool_call} or {@code tool_error} event.
   *
   * @param sessionId its session
   * @param sequence its place in the session
   * @param toolName {@code payload.toolName}
   * @param callId {@code payload.callId}
   * @param error {@code true} for a {@code tool_error}
   */
  record ToolStep(String sessionId, long sequence, String toolName, String callId, boolean error) {}

  /**
   * LLM spend of one (agent, model), from {@code llm_response} events.
   *
   * @param agentId the agent
   * @param model {@code payload.model}
   * @param calls responses
   * @param costUsd sum of {@code payload.costUsd}
   * @param inputTokens sum of {@code payload.usage.inputTokens}
   * @param outputTokens sum of {@code payload.usage.outputTokens}
   */
  record CostGroup(
      String agentId,
      String model,
      long calls,
      double costUsd,
      long inputTokens,
      long outputTokens) {}

  /**
   * One session's recorded cost.
   *
   * @param sessionId the session
   * @param agentId its agent
   * @param startedAt when it started
   * @param costUsd its total cost
   * @param eventCount its events
   * @param errorCount its errors
   */
  record SessionCost(
      String sessionId,
      String agentId,
      Instant startedAt,
      double costUsd,
      long eventCount,
      long errorCount) {}

  /**
   * One UTC day's figures.
   *
   * @param day the day's start (UTC midnight)
   * @param events events that day
   * @param errors error events that day
   * @param costUsd sum of {@code llm_response} {@code costUsd}
   * @param llmResponses {@code llm_response} events with a {@code latencyMs}
   * @param latencySumMs sum of their {@code latencyMs}
   */
  record DayStats(
      Instant day,
      long events,
      long errors,
      double costUsd,
      long llmResponses,
      double latencySumMs) {}

  /**
   * Counts the sessions and events in range.
   *
   * @param filter the range
   * @return the totals
   */
  Totals totals(Filter filter);

  /**
   * The newest error events.
   *
   * @param filter the range
   * @param cap at most this many (&gt; 0)
   * @return newest first (timestamp, then id, descending)
   */
  List<ErrorRow> errors(Filter filter, int cap);

  /**
   * The tool calls and tool errors of the newest sessions' tool activity.
   *
   * @param filter the range
   * @param cap at most this many rows (&gt; 0), the newest
   * @return ordered by session id, then sequence ascending
   */
  List<ToolStep> toolSteps(Filter filter, int cap);

  /**
   * LLM spend grouped by (agent, model), aggregated by the database.
   *
   * @param filter the range
   * @return the groups, highest cost first (then agent, model)
   */
  List<CostGroup> costGroups(Filter filter);

  /**
   * The most expensive sessions that started in range, from the sessions' recorded totals.
   *
   * @param filter the range (on {@code startedAt})
   * @param limit at most this many (&gt; 0)
   * @return highest cost first (then session id); sessions without cost are left out
   */
  List<SessionCost> topSessions(Filter filter, int limit);

  /**
   * Per-day figures, aggregated by the database.
   *
   * @param filter the range
   * @return one entry per UTC day with events, oldest first
   */
  List<DayStats> daily(Filter filter);
}
