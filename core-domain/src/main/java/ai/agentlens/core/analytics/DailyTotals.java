package ai.agentlens.core.analytics;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One UTC day of an org's roll-ups.
 *
 * @param date the day
 * @param events events of every type
 * @param calls LLM calls (stored {@code llm_response} events)
 * @param inputTokens input tokens of those calls
 * @param outputTokens output tokens of those calls
 * @param costUsd cost of those calls
 * @param errors error events
 * @param toolCalls {@code tool_call} events
 */
public record DailyTotals(
    LocalDate date,
    long events,
    long calls,
    long inputTokens,
    long outputTokens,
    double costUsd,
    long errors,
    long toolCalls) {

  /** Checks the day is set. */
  public DailyTotals {
    Objects.requireNonNull(date, "date");
  }
}
