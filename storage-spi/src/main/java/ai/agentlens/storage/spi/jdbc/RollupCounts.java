package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.json.JsonObject;

/**
 * The counters of one roll-up row (mutable; one writer at a time). What an event adds is defined
 * once here, in the terms of the raw LLM usage query ({@link LlmUsageQueries}): a number is counted
 * only when the payload member is a JSON number, a provider or model only when it is a non-empty
 * string.
 */
final class RollupCounts {

  long events;
  long calls;
  double inputTokens;
  double outputTokens;
  double costUsd;
  double latencySumMs;
  long latencyCount;
  long errors;
  long toolCalls;
  long toolErrors;
  long toolFailed;
  long sessionsStarted;
  long sessionsEnded;

  /** The provider/model name of an LLM response that names none (as the raw query reports it). */
  static final String UNKNOWN = "unknown";

  /**
   * Returns the provider of an event's roll-up row.
   *
   * @param e the event
   * @return {@code ""} for events other than {@code llm_response}, else the provider or unknown
   */
  static String provider(Event e) {
    return e.eventType() == EventType.LLM_RESPONSE ? name(e.payload().tree(), "provider") : "";
  }

  /**
   * Returns the model of an event's roll-up row.
   *
   * @param e the event
   * @return {@code ""} for events other than {@code llm_response}, else the model or unknown
   */
  static String model(Event e) {
    return e.eventType() == EventType.LLM_RESPONSE ? name(e.payload().tree(), "model") : "";
  }

  private static String name(JsonObject payload, String member) {
    String s = payload.string(member);
    return s == null || s.isEmpty() ? UNKNOWN : s;
  }

  /**
   * Adds one stored event.
   *
   * @param e the event
   */
  void add(Event e) {
    events++;
    EventType type = e.eventType();
    if (e.severity().isError() || type == EventType.TOOL_ERROR) {
      errors++;
    }
    if (type == EventType.TOOL_CALL) {
      toolCalls++;
    } else if (type == EventType.TOOL_ERROR) {
      toolErrors++;
    } else if (type == EventType.TOOL_RESPONSE) {
      // why: the terms of HealthAggregates (and of the dialects' jsonTrue): only a top-level JSON
      // boolean true makes a response failed
      if (Boolean.TRUE.equals(e.payload().tree().get("isError"))) {
        toolFailed++;
      }
    } else if (type == EventType.SESSION_STARTED) {
      sessionsStarted++;
    } else if (type == EventType.SESSION_ENDED) {
      sessionsEnded++;
    } else if (type == EventType.LLM_RESPONSE) {
      JsonObject p = e.payload().tree();
      calls++;
      costUsd += number(p.get("costUsd"), 0);
      JsonObject usage = p.object("usage");
      if (usage != null) {
        inputTokens += number(usage.get("inputTokens"), 0);
        outputTokens += number(usage.get("outputTokens"), 0);
      }
      Object latency = p.get("latencyMs");
      if (latency instanceof Number) {
        latencySumMs += number(latency, 0);
        latencyCount++;
      }
    }
  }

  private static double number(Object v, double none) {
    return v instanceof Number n ? n.doubleValue() : none;
  }

  /**
   * Adds another row's counters (summing shards or partial ranges).
   *
   * @param o the other counters
   */
  void add(RollupCounts o) {
    events += o.events;
    calls += o.calls;
    inputTokens += o.inputTokens;
    outputTokens += o.outputTokens;
    costUsd += o.costUsd;
    latencySumMs += o.latencySumMs;
    latencyCount += o.latencyCount;
    errors += o.errors;
    toolCalls += o.toolCalls;
    toolErrors += o.toolErrors;
    toolFailed += o.toolFailed;
    sessionsStarted += o.sessionsStarted;
    sessionsEnded += o.sessionsEnded;
  }

  /**
   * Tells whether two rows agree: counts exactly, doubles within a relative 1e-9.
   *
   * @param o the other row
   * @return {@code true} when they agree
   */
  boolean agrees(RollupCounts o) {
    return events == o.events
        && calls == o.calls
        && latencyCount == o.latencyCount
        && errors == o.errors
        && toolCalls == o.toolCalls
        && toolErrors == o.toolErrors
        && toolFailed == o.toolFailed
        && sessionsStarted == o.sessionsStarted
        && sessionsEnded == o.sessionsEnded
        && close(inputTokens, o.inputTokens)
        && close(outputTokens, o.outputTokens)
        && close(costUsd, o.costUsd)
        && close(latencySumMs, o.latencySumMs);
  }

  private static boolean close(double a, double b) {
    return Math.abs(a - b) <= 1e-9 * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
  }

  @Override
  public String toString() {
    return "events="
        + events
        + " calls="
        + calls
        + " in="
        + inputTokens
        + " out="
        + outputTokens
        + " cost="
        + costUsd
        + " latency="
        + latencySumMs
        + "/"
        + latencyCount
        + " errors="
        + errors
        + " tools="
        + toolCalls
        + " toolErrors="
        + toolErrors
        + " toolFailed="
        + toolFailed
        + " started="
        + sessionsStarted
        + " ended="
        + sessionsEnded;
  }
}
