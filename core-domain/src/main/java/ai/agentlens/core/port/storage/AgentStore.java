package ai.agentlens.core.port.storage;

import ai.agentlens.core.error.StorageUnavailableException;
import ai.agentlens.core.session.Agent;
import java.util.List;
import java.util.Optional;

/**
 * Agents as materialized by {@link EventStore#append}; read-only here.
 *
 * <p>Thread-safe. Errors: {@link StorageUnavailableException} only; unknown ids give empty results.
 */
public interface AgentStore {

  /**
   * Reads an agent.
   *
   * @param orgId the org
   * @param agentId the agent
   * @return the agent, or empty
   */
  Optional<Agent> find(String orgId, String agentId);

  /**
   * Lists an org's agents, most recently seen first (ties by id).
   *
   * @param orgId the org
   * @return the agents
   */
  List<Agent> list(String orgId);
}
