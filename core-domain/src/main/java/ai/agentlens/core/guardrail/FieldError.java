package ai.agentlens.core.guardrail;

/**
 * One problem with a rule body.
 *
 * @param path the field, e.g. {@code conditionConfig.threshold}
 * @param message what is wrong, e.g. {@code must be a number from 0 to 100}
 */
public record FieldError(String path, String message) {}
