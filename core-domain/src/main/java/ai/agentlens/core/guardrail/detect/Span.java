package ai.agentlens.core.guardrail.detect;

/**
 * A finding in content.
 *
 * @param patternName what was found, e.g. {@code credit_card}
 * @param start first char index
 * @param end index after the last char
 * @param score confidence 0..1
 */
public record Span(String patternName, int start, int end, double score) {}
