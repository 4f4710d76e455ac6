package ai.agentlens.core.replay;

import ai.agentlens.core.event.Event;

/**
 * One step of a replay.
 *
 * @param index the step's 0-based position among the replay's (filtered) steps
 * @param event the event
 * @param pairedEvent the other half of its pair (call and response, tool call and result, approval
 *     request and decision), or {@code null}
 * @param pairDurationMs milliseconds between the two halves of the pair, or {@code null} when
 *     unpaired
 * @param context the context after this event, or {@code null} when not asked for
 */
public record ReplayStep(
    int index, Event event, Event pairedEvent, Long pairDurationMs, ReplayContext context) {}
