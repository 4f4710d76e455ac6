package ai.agentlens.core.replay;

import java.util.List;
import java.util.Map;

/**
 * What the agent had seen and spent up to and including one event (reference §4.3.4). Counted over
 * every event of the session in chain order, whatever the replay's type filter.
 *
 * @param eventIndex the event's 0-based position in the session
 * @param totalEvents events in the session
 * @param cumulativeCostUsd {@code costUsd} of the {@code llm_response} and {@code cost_tracked}
 *     events so far
 * @param elapsedMs milliseconds from the session's first event to this one
 * @param eventCounts events so far by wire type name, sorted by name
 * @param llmHistory LLM calls so far, oldest first
 * @param toolResults tool calls so far, oldest first
 * @param pendingApprovals approvals asked for so far with their current status, oldest first
 * @param errorCount events so far of severity error/critical or type {@code tool_error}
 * @param warnings cost and latency warnings raised by this event (empty for most events)
 */
public record ReplayContext(
    int eventIndex,
    int totalEvents,
    double cumulativeCostUsd,
    long elapsedMs,
    Map<String, Long> eventCounts,
    List<LlmExchange> llmHistory,
    List<ToolResult> toolResults,
    List<ApprovalState> pendingApprovals,
    long errorCount,
    List<String> warnings) {

  /** Copies the collections. */
  public ReplayContext {
    eventCounts = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(eventCounts));
    llmHistory = List.copyOf(llmHistory);
    toolResults = List.copyOf(toolResults);
    pendingApprovals = List.copyOf(pendingApprovals);
    warnings = List.copyOf(warnings);
  }
}
