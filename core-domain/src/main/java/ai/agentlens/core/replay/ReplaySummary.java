package ai.agentlens.core.replay;

import java.util.List;

/**
 * Totals over a whole session (every event, whatever the filter or page).
 *
 * @param totalCost {@code costUsd} of the {@code llm_response} and {@code cost_tracked} events
 * @param totalDurationMs milliseconds from the first to the last event
 * @param totalLlmCalls {@code llm_call} events
 * @param totalToolCalls {@code tool_call} events
 * @param totalErrors events of severity error/critical or type {@code tool_error}
 * @param models distinct models of the LLM calls, in order of first use
 * @param tools distinct tool names of the tool calls, in order of first use
 */
public record ReplaySummary(
    double totalCost,
    long totalDurationMs,
    long totalLlmCalls,
    long totalToolCalls,
    long totalErrors,
    List<String> models,
    List<String> tools) {

  /** Copies the lists. */
  public ReplaySummary {
    models = List.copyOf(models);
    tools = List.copyOf(tools);
  }
}
