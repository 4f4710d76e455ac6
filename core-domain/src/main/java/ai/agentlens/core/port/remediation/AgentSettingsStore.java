package ai.agentlens.core.port.remediation;

import ai.agentlens.core.remediation.model.AgentSettings;
import java.util.Map;
import java.util.Optional;

/**
 * Agents' settings and each org's defaults (seed 003 R8): one row per (org, agent) and one
 * org-default row. Settings may be stored for an agent that has sent no events yet; whether an
 * agent exists is the caller's question.
 *
 * <p>Thread-safe; each method one transaction, scoped to its org: another org's rows are never read
 * or changed, and a {@code null} or blank org reads nothing and writes nothing. Lists and texts
 * round-trip exactly (order kept). Errors: {@link
 * ai.agentlens.core.error.StorageUnavailableException} only.
 */
public interface AgentSettingsStore {

  /**
   * An org's stored settings, as the gateway caches them.
   *
   * @param defaults the org defaults ({@link AgentSettings#NONE} when none are stored)
   * @param agents agent id to that agent's own row (not resolved over the defaults)
   */
  record OrgSettings(AgentSettings defaults, Map<String, AgentSettings> agents) {

    /** Nothing stored. */
    public static final OrgSettings NONE = new OrgSettings(AgentSettings.NONE, Map.of());

    /**
     * Resolves an agent's effective settings.
     *
     * @param agentId the agent
     * @return its row over the defaults
     */
    public AgentSettings effective(String agentId) {
      return agents.getOrDefault(agentId, AgentSettings.NONE).over(defaults);
    }
  }

  /**
   * Reads one row.
   *
   * @param orgId the org
   * @param agentId the agent, or {@code null} for the org defaults
   * @return the row as stored, or empty when none is stored
   */
  Optional<AgentSettings> find(String orgId, String agentId);

  /**
   * Stores one row, replacing it whole (last writer wins).
   *
   * @param orgId the org
   * @param agentId the agent, or {@code null} for the org defaults
   * @param settings the settings
   */
  void put(String orgId, String agentId, AgentSettings settings);

  /**
   * Removes one row (the agent then has the org defaults). Idempotent.
   *
   * @param orgId the org
   * @param agentId the agent, or {@code null} for the org defaults
   * @return whether a row was removed
   */
  boolean delete(String orgId, String agentId);

  /**
   * Reads every row of an org in one query: the gateway's read, cached there.
   *
   * @param orgId the org
   * @return the defaults and the agents' rows; {@link OrgSettings#NONE} when nothing is stored
   */
  OrgSettings all(String orgId);
}
