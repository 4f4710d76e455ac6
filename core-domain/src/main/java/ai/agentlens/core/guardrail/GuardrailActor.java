package ai.agentlens.core.guardrail;

import ai.agentlens.core.account.model.ActorType;

/**
 * Who changes guardrails, for the audit log.
 *
 * @param type user or API key
 * @param id the user id or the key's prefix
 * @param ip the client address, or {@code null}
 */
public record GuardrailActor(ActorType type, String id, String ip) {}
