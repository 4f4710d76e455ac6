package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.json.Json;
import ai.agentlens.core.session.Session;
import java.time.Instant;
import java.util.Locale;

/**
 * The columns one event write changes on a {@code sessions} row, typed as the tables store them
 * (status as its lower-case name, tags as a JSON array text). Built once per session by {@link
 * #of}, so every {@link SessionWriteBack} writes the same values.
 *
 * @param orgId the org (key)
 * @param id the session id (key)
 * @param agentName the agent's name, or {@code null}
 * @param startedAt first event time
 * @param endedAt end time, or {@code null} while not ended
 * @param lastEventAt last event time
 * @param status stored status, lower case
 * @param eventCount events
 * @param toolCallCount tool calls
 * @param errorCount errors
 * @param totalCostUsd cost
 * @param llmCallCount LLM calls
 * @param totalInputTokens input tokens
 * @param totalOutputTokens output tokens
 * @param tags tags as a JSON array of strings
 * @param lastSequence the chain tail's sequence
 * @param lastHash the chain tail's hash
 * @param startMoved false when the stored row already holds {@code startedAt}, so a write-back may
 *     leave {@code started_at}, and the indexes that hold it, alone; true when it changed or is not
 *     known
 */
public record SessionRow(
    String orgId,
    String id,
    String agentName,
    Instant startedAt,
    Instant endedAt,
    Instant lastEventAt,
    String status,
    long eventCount,
    long toolCallCount,
    long errorCount,
    double totalCostUsd,
    long llmCallCount,
    long totalInputTokens,
    long totalOutputTokens,
    String tags,
    long lastSequence,
    String lastHash,
    boolean startMoved) {

  /**
   * Converts a folded session to its stored columns.
   *
   * @param s the session
   * @param storedStart the {@code started_at} the row held before this write, or {@code null} when
   *     not known
   * @return the row
   */
  public static SessionRow of(Session s, Instant storedStart) {
    return new SessionRow(
        s.orgId(),
        s.id(),
        s.agentName(),
        s.startedAt(),
        s.endedAt(),
        s.lastEventAt(),
        s.status().name().toLowerCase(Locale.ROOT),
        s.eventCount(),
        s.toolCallCount(),
        s.errorCount(),
        s.totalCostUsd(),
        s.llmCallCount(),
        s.totalInputTokens(),
        s.totalOutputTokens(),
        Json.stringArray(s.tags()),
        s.lastSequence(),
        s.lastHash(),
        !s.startedAt().equals(storedStart));
  }
}
