package ai.agentlens.core.health;

/**
 * One scored dimension of an agent's health.
 *
 * @param name wire name, e.g. {@code error_rate}
 * @param score 0–100, rounded to 2 decimals
 * @param weight the dimension's weight
 * @param rawValue the measured value the score comes from
 * @param description what the raw value is, in words
 */
public record HealthDimension(
    String name, double score, double weight, double rawValue, String description) {}
