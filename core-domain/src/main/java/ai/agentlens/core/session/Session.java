package ai.agentlens.core.session;

import ai.agentlens.core.event.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A session as materialized from its events (reference §1.9), plus the tail of its hash chain.
 *
 * @param orgId the org
 * @param id the session id
 * @param agentId agent of the session's first event
 * @param agentName {@code payload.agentName} of its {@code session_started}, or {@code null}
 * @param startedAt timestamp of its first stored event
 * @param endedAt timestamp of its {@code session_ended}, or {@code null}
 * @param lastEventAt latest event timestamp
 * @param status stored status: active, completed or error
 * @param eventCount events stored
 * @param toolCallCount {@code tool_call} events
 * @param errorCount events of severity error/critical or type {@code tool_error}
 * @param totalCostUsd sum of {@code costUsd} of {@code cost_tracked} and {@code llm_response}
 * @param llmCallCount {@code llm_response} events
 * @param totalInputTokens sum of {@code usage.inputTokens} of {@code llm_response}
 * @param totalOutputTokens sum of {@code usage.outputTokens} of {@code llm_response}
 * @param tags {@code payload.tags} of its {@code session_started}
 * @param lastSequence sequence of its last event (0 when it has none)
 * @param lastHash hash of its last event, or {@code null}
 */
public record Session(
    String orgId,
    String id,
    String agentId,
    String agentName,
    Instant startedAt,
    Instant endedAt,
    Instant lastEventAt,
    SessionStatus status,
    long eventCount,
    long toolCallCount,
    long errorCount,
    double totalCostUsd,
    long llmCallCount,
    long totalInputTokens,
    long totalOutputTokens,
    List<String> tags,
    long lastSequence,
    String lastHash) {

  /** Rejects missing fields and copies the tags. */
  public Session {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(lastEventAt, "lastEventAt");
    Objects.requireNonNull(status, "status");
    tags = List.copyOf(tags);
    startedAt = Times.micros(startedAt);
    endedAt = Times.micros(endedAt);
    lastEventAt = Times.micros(lastEventAt);
  }

  /**
   * Returns the status to report: a stored {@code active} becomes {@code idle} when the last event
   * is older than {@code idleAfter}.
   *
   * @param now the current time
   * @param idleAfter idle threshold (reference default: 30 minutes)
   * @return the reported status
   */
  public SessionStatus reportedStatus(Instant now, Duration idleAfter) {
    if (status == SessionStatus.ACTIVE && lastEventAt.plus(idleAfter).isBefore(now)) {
      return SessionStatus.IDLE;
    }
    return status;
  }
}
