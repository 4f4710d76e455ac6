package ai.agentlens.core.budget;

import ai.agentlens.core.account.model.ActorType;

/**
 * Who changes a budget, for the audit log.
 *
 * @param type user or API key
 * @param id the user id or the key's visible prefix
 * @param ip the client address, or {@code null}
 */
public record BudgetActor(ActorType type, String id, String ip) {}
