package ai.agentlens.core.guardrail.metric;

/**
 * A metric rule's measurement.
 *
 * @param value the measured value
 * @param threshold what it is compared with
 * @param breached whether the condition holds (the rule triggers)
 */
public record Reading(double value, double threshold, boolean breached) {}
