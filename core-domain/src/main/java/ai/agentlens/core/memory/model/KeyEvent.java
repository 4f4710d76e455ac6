package ai.agentlens.core.memory.model;

import java.time.Instant;

/**
 * One event worth showing beside a session summary (its errors, first LLM call and tool call, its
 * end), as a one-line text.
 *
 * @param id the event id
 * @param eventType its wire type
 * @param summary one line, at most a few hundred characters
 * @param timestamp when it happened
 */
public record KeyEvent(String id, String eventType, String summary, Instant timestamp) {}
