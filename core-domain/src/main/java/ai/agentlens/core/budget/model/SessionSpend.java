package ai.agentlens.core.budget.model;

/**
 * What one session has cost so far.
 *
 * @param sessionId the session
 * @param costUsd its total cost ({@code llm_response} costs)
 */
public record SessionSpend(String sessionId, double costUsd) {}
