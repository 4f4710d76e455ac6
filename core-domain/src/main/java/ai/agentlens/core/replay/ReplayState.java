package ai.agentlens.core.replay;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The running context of a replay: fed every event of a session in chain order, it answers the
 * context after the last one. Not thread-safe; one per replay.
 */
final class ReplayState {

  /** An LLM call or tool call slower than this raises a warning. */
  static final double SLOW_MS = 30_000;

  /** An LLM call dearer than this raises a warning. */
  static final double EXPENSIVE_USD = 1.0;

  private final int totalEvents;
  private Instant first;
  private int index = -1;
  private double cost;
  private long errors;
  private long elapsedMs;
  private final Map<String, Long> counts = new HashMap<>();
  private final Map<String, LlmExchange> llm = new LinkedHashMap<>();
  private final Map<String, ToolResult> tools = new LinkedHashMap<>();
  private final Map<String, ApprovalState> approvals = new LinkedHashMap<>();
  private final Set<String> models = new LinkedHashSet<>();
  private final Set<String> toolNames = new LinkedHashSet<>();
  private long llmCalls;
  private long toolCalls;
  private List<String> warnings = List.of();

  ReplayState(int totalEvents) {
    this.totalEvents = totalEvents;
  }

  void accept(Event e) {
    index++;
    if (first == null) {
      first = e.timestamp();
    }
    elapsedMs = Math.max(0, Duration.between(first, e.timestamp()).toMillis());
    counts.merge(e.eventType().wireName(), 1L, Long::sum);
    if (e.severity().isError() || e.eventType() == EventType.TOOL_ERROR) {
      errors++;
    }
    warnings = new ArrayList<>(0);
    JsonObject p = e.payload().tree();
    String callId = p.string("callId");
    switch (e.eventType()) {
      case LLM_CALL -> llmCall(callId, p);
      case LLM_RESPONSE -> llmResponse(callId, p);
      case COST_TRACKED -> cost += number(p, "costUsd");
      case TOOL_CALL -> toolCall(callId, p);
      case TOOL_RESPONSE -> toolDone(callId, p, p.get("result"), null);
      case TOOL_ERROR -> toolDone(callId, p, null, p.string("error"));
      case APPROVAL_REQUESTED -> approval(p, "pending");
      case APPROVAL_GRANTED -> approval(p, "granted");
      case APPROVAL_DENIED -> approval(p, "denied");
      case APPROVAL_EXPIRED -> approval(p, "expired");
      default -> {
        // why: other types only count towards eventCounts and errors
      }
    }
  }

  private void llmCall(String callId, JsonObject p) {
    llmCalls++;
    String model = p.string("model");
    if (model != null) {
      models.add(model);
    }
    llm.putIfAbsent(
        key(callId, llm.size()),
        new LlmExchange(
            callId, p.string("provider"), model, p.get("messages"), null, null, 0, 0, false));
  }

  private void llmResponse(String callId, JsonObject p) {
    double c = number(p, "costUsd");
    double latency = number(p, "latencyMs");
    cost += c;
    String key = key(callId, llm.size());
    LlmExchange call = llm.get(key);
    String model =
        p.string("model") != null ? p.string("model") : call == null ? null : call.model();
    llm.put(
        key,
        new LlmExchange(
            callId,
            p.string("provider") != null
                ? p.string("provider")
                : call == null ? null : call.provider(),
            model,
            call == null ? null : call.messages(),
            p.string("completion"),
            p.get("toolCalls"),
            c,
            latency,
            true));
    if (latency > SLOW_MS) {
      warnings.add(String.format(Locale.ROOT, "Slow LLM call %s: %.0f ms", callId, latency));
    }
    if (c > EXPENSIVE_USD) {
      warnings.add(String.format(Locale.ROOT, "Expensive LLM call %s: $%.4f", callId, c));
    }
  }

  private void toolCall(String callId, JsonObject p) {
    toolCalls++;
    String name = p.string("toolName");
    if (name != null) {
      toolNames.add(name);
    }
    tools.putIfAbsent(
        key(callId, tools.size()),
        new ToolResult(callId, name, p.get("arguments"), null, null, null, false));
  }

  private void toolDone(String callId, JsonObject p, Object result, String error) {
    String key = key(callId, tools.size());
    ToolResult call = tools.get(key);
    Double duration = p.get("durationMs") instanceof Number n ? n.doubleValue() : null;
    String name =
        p.string("toolName") != null ? p.string("toolName") : call == null ? null : call.toolName();
    tools.put(
        key,
        new ToolResult(
            callId, name, call == null ? null : call.arguments(), result, error, duration, true));
    if (duration != null && duration > SLOW_MS) {
      warnings.add(
          String.format(Locale.ROOT, "Slow tool call %s (%s): %.0f ms", callId, name, duration));
    }
  }

  private void approval(JsonObject p, String status) {
    String id = p.string("requestId");
    String key = key(id, approvals.size());
    ApprovalState before = approvals.get(key);
    String action =
        p.string("action") != null ? p.string("action") : before == null ? null : before.action();
    if (before == null || "pending".equals(before.status())) {
      approvals.put(key, new ApprovalState(id, action, status));
    }
  }

  ReplayContext context() {
    return new ReplayContext(
        index,
        totalEvents,
        cost,
        elapsedMs,
        counts,
        new ArrayList<>(llm.values()),
        new ArrayList<>(tools.values()),
        new ArrayList<>(approvals.values()),
        errors,
        warnings);
  }

  ReplaySummary summary() {
    return new ReplaySummary(
        cost,
        elapsedMs,
        llmCalls,
        toolCalls,
        errors,
        new ArrayList<>(models),
        new ArrayList<>(toolNames));
  }

  // why: an exchange without an id cannot be paired; it gets a key of its own
  private static String key(String id, int position) {
    return id == null || id.isEmpty() ? "#" + position : id;
  }

  private static double number(JsonObject p, String field) {
    return p.get(field) instanceof Number n ? n.doubleValue() : 0;
  }
}
