package ai.agentlens.core.memory.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The deterministic summary of one ended session (reference §4.3.7, table {@code
 * session_summaries}).
 *
 * @param orgId the org
 * @param sessionId the session
 * @param agentId its agent
 * @param userId the first {@code metadata.userId} of its events, or {@code null}
 * @param startedAt its first event's time
 * @param endedAt its {@code session_ended} time, or {@code null}
 * @param summary one paragraph
 * @param topics top terms of its user messages and tool names, most frequent first
 * @param toolSequence the tools called, in order (capped)
 * @param errorSummary its errors in one line, or {@code null} without errors
 * @param outcome how it ended
 * @param eventCount events summarized
 * @param errorCount error events among them
 * @param keyEvents events worth showing, in time order
 * @param createdAt when the summary was written
 */
public record SessionSummary(
    String orgId,
    String sessionId,
    String agentId,
    String userId,
    Instant startedAt,
    Instant endedAt,
    String summary,
    List<String> topics,
    List<String> toolSequence,
    String errorSummary,
    Outcome outcome,
    int eventCount,
    int errorCount,
    List<KeyEvent> keyEvents,
    Instant createdAt) {

  /** Checks required fields and copies the lists. */
  public SessionSummary {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(createdAt, "createdAt");
    topics = List.copyOf(topics);
    toolSequence = List.copyOf(toolSequence);
    keyEvents = List.copyOf(keyEvents);
  }
}
