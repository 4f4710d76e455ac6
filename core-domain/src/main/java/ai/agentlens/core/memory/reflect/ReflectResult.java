package ai.agentlens.core.memory.reflect;

import java.time.Instant;
import java.util.List;

/**
 * The answer of reflect.
 *
 * @param analysis the analysis run
 * @param insights its findings, most important first
 * @param sessionsAnalyzed distinct sessions with an event in range
 * @param eventsAnalyzed events in range
 * @param from start of the range
 * @param to end of the range (exclusive)
 */
public record ReflectResult(
    Analysis analysis,
    List<Insight> insights,
    long sessionsAnalyzed,
    long eventsAnalyzed,
    Instant from,
    Instant to) {}
