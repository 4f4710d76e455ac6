package ai.agentlens.core.apikey;

/**
 * Who sent an authenticated request: an API key of an org.
 *
 * @param keyId the key's id
 * @param orgId its org
 * @param prefix its visible prefix (the actor in audit entries and logs)
 * @param rateLimitOverride its events-per-minute override, or {@code null}
 */
public record ApiKeyPrincipal(
    String keyId, String orgId, String prefix, Integer rateLimitOverride) {}
