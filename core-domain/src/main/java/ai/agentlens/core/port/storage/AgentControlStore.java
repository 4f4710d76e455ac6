package ai.agentlens.core.port.storage;

import ai.agentlens.core.error.StorageUnavailableException;
import ai.agentlens.core.guardrail.model.AgentControl;
import java.time.Instant;
import java.util.Map;
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

  /**
   * Sets an agent's events-per-minute limit until a time, replacing an earlier one (the latest
   * trigger wins).
   *
   * @param orgId the org
   * @param agentId the agent
   * @param perMinute the limit, &gt; 0
   * @param until when it lapses
   * @return {@code false} when there is no such agent
   */
  boolean rateLimit(String orgId, String agentId, int perMinute, Instant until);

  /**
   * Returns the org's agents whose rate limit is still in force: the gateway's read, cached there.
   *
   * @param orgId the org
   * @param now the time; limits with {@code until <= now} are left out
   * @return agent id to events-per-minute limit; empty when none
   */
  Map<String, Integer> activeRateLimits(String orgId, Instant now);

  /**
   * Stores (or with {@code null} clears) an agent's AgentGate policy reference.
   *
   * @param orgId the org
   * @param agentId the agent
   * @param policy the policy reference, or {@code null}
   * @return {@code false} when there is no such agent
   */
  boolean policy(String orgId, String agentId, String policy);

  /**
   * Returns the controls of every agent of the org that has any control set (a pause, a model
   * override, a rate limit — lapsed or not — or a policy), for the dashboard's agents list.
   *
   * @param orgId the org
   * @return agent id to its controls; agents with nothing set are left out
   */
  Map<String, AgentControl> controlled(String orgId);
}
