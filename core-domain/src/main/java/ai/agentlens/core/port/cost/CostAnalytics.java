package ai.agentlens.core.port.cost;

import ai.agentlens.core.budget.model.SessionSpend;
import ai.agentlens.core.optimize.model.CallGroup;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Cost reads over an org's stored events, aggregated inside the database: the grouped LLM calls the
 * optimizer needs and the spend that budgets are checked against. Read-only and thread-safe; every
 * method names its org and never sees another org's rows; a {@code null} or blank org id reads
 * nothing. Costs are the {@code costUsd} of {@code llm_response} events (what session totals and
 * LLM analytics count). Errors: {@link ai.agentlens.core.error.StorageUnavailableException} only.
 */
public interface CostAnalytics {

  /**
   * Pairs {@code llm_call} with {@code llm_response} events by {@code payload.callId} and sums the
   * pairs by (model, tier). Only events with {@code from <= timestamp <= to} are read; a pair needs
   * both events in the range and a non-empty {@code callId} and {@code model} on the call. The
   * model is the call's; input tokens ({@code usage.inputTokens}, unknown when absent), output
   * tokens, {@code costUsd} (0 when absent), {@code finishReason} and the tool-call count ({@code
   * toolCalls} array length, 0 when absent) are the response's; the tier is {@link
   * ai.agentlens.core.optimize.model.ComplexityTier#classify} of them, the agent is the call's.
   *
   * @param orgId the org
   * @param agentId only this agent's calls, or {@code null} for all
   * @param from the first instant, inclusive
   * @param to the last instant, inclusive
   * @return one group per (model, tier) with at least one pair, in no particular order
   */
  List<CallGroup> callGroups(String orgId, String agentId, Instant from, Instant to);

  /**
   * Sums the {@code costUsd} of {@code llm_response} events with {@code from <= timestamp < to}.
   *
   * @param orgId the org
   * @param agentId only this agent's events, or {@code null} for all
   * @param from the first instant, inclusive
   * @param to the end, exclusive
   * @return USD, 0 when there are none
   */
  double spend(String orgId, String agentId, Instant from, Instant to);

  /**
   * Finds the most expensive session that is still active (stored status {@code active}).
   *
   * @param orgId the org
   * @param agentId only this agent's sessions, or {@code null} for all
   * @param startedFrom only sessions started at or after this instant, or {@code null} for all
   * @return the session with the highest total cost (ties: smallest id), or empty when none is open
   */
  Optional<SessionSpend> topOpenSession(String orgId, String agentId, Instant startedFrom);
}
