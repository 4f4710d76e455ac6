package ai.agentlens.core.port.storage;

import ai.agentlens.core.error.StorageUnavailableException;
import ai.agentlens.core.guardrail.model.AgentControl;
import java.time.Instant;
import java.util.Optional;

/**
 * What guardrail actions set on a materialized agent: the pause and the model override. Agents are
 * created by ingestion only; these methods never create one.
 *
 * <p>Thread-safe; each method one transaction, scoped to its org. Errors: {@link
 * StorageUnavailableException} only; unknown agents give empty / {@code false}.
 */
public interface AgentControlStore {

  /**
   * Reads an agent's controls.
   *
   * @param orgId the org
   * @param agentId the agent
   * @return the controls ({@link AgentControl#NONE} when nothing is set), or empty when there is no
   *     such agent in the org
   */
  Optional<AgentControl> find(String orgId, String agentId);

  /**
   * Pauses an agent (a paused agent stays paused: the first pause's time and reason are kept).
   *
   * @param orgId the org
   * @param agentId the agent
   * @param at when
   * @param reason why
   * @return {@code false} when there is no such agent
   */
  boolean pause(String orgId, String agentId, Instant at, String reason);

  /**
   * Clears an agent's pause.
   *
   * @param orgId the org
   * @param agentId the agent
   * @return {@code false} when there is no such agent
   */
  boolean unpause(String orgId, String agentId);

  /**
   * Sets or clears an agent's model override.
   *
   * @param orgId the org
   * @param agentId the agent
   * @param model the model, or {@code null} to clear
   * @return {@code false} when there is no such agent
   */
  boolean overrideModel(String orgId, String agentId, String model);
}
