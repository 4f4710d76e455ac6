package ai.agentlens.core.remediation;

/**
 * One problem with settings or remediation parameters.
 *
 * @param path the field, e.g. {@code params.model}
 * @param message what is wrong, e.g. {@code is required}
 */
public record SettingsError(String path, String message) {}
