package ai.agentlens.core.event;

import java.time.Instant;

/**
 * An agent's event counts in one time window [from, to): all events, errors (severity error or
 * critical, or type tool_error) and session starts.
 *
 * @param from the window's start
 * @param total events in the window
 * @param errors error events in the window
 * @param sessionsStarted session_started events in the window
 */
public record WindowCount(Instant from, long total, long errors, long sessionsStarted) {}
