package ai.agentlens.core.remediation;

import ai.agentlens.core.incident.ActorAudit;
import ai.agentlens.core.incident.Incidents.Actor;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.remediation.AgentSettingsStore;
import ai.agentlens.core.port.storage.AgentControlStore;
import ai.agentlens.core.port.storage.AuditLog;
import ai.agentlens.core.remediation.model.AgentSettings;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads and changes agents' settings and the org defaults (seed 003 R8); changes are audited
 * ({@code agent_settings.update}, target the agent; {@code agent_settings.defaults}, target the
 * org) and reported to {@code changed} (the gateway's cache of the org). Authorization is the
 * caller's job. An agent is known once it has sent an event; another org's agent is unknown.
 */
public final class AgentSettingsEditor {

  /**
   * One agent's settings.
   *
   * @param own its own row ({@link AgentSettings#NONE} when none)
   * @param defaults the org defaults
   * @param effective its row over the defaults: what is enforced
   */
  public record View(AgentSettings own, AgentSettings defaults, AgentSettings effective) {}

  private final AgentSettingsStore settings;
  private final AgentControlStore agents;
  private final ActorAudit audit;
  private final Consumer<String> changed;

  /**
   * Wires the use case.
   *
   * @param settings the settings
   * @param agents tells which agents exist
   * @param audit the audit log
   * @param clock the time
   * @param ids mints audit entry ids
   * @param changed told the org id after every change
   */
  public AgentSettingsEditor(
      AgentSettingsStore settings,
      AgentControlStore agents,
      AuditLog audit,
      Clock clock,
      Supplier<String> ids,
      Consumer<String> changed) {
    this.settings = settings;
    this.agents = agents;
    this.audit = new ActorAudit(audit, clock, ids);
    this.changed = changed;
  }

  /**
   * Tells whether an agent exists in the org.
   *
   * @param orgId the org
   * @param agentId the agent
   * @return whether it has sent events
   */
  public boolean exists(String orgId, String agentId) {
    return agentId != null && agents.find(orgId, agentId).isPresent();
  }

  /**
   * Reads an agent's settings.
   *
   * @param orgId the org
   * @param agentId the agent
   * @return them, or empty when the org has no such agent
   */
  public Optional<View> read(String orgId, String agentId) {
    if (!exists(orgId, agentId)) {
      return Optional.empty();
    }
    AgentSettings own = settings.find(orgId, agentId).orElse(AgentSettings.NONE);
    AgentSettings defaults = defaults(orgId);
    return Optional.of(new View(own, defaults, own.over(defaults)));
  }

  /**
   * Resolves the settings enforced for an agent (its row over the defaults), whether or not it has
   * sent events yet.
   *
   * @param orgId the org
   * @param agentId the agent, or {@code null} for the defaults alone
   * @return the effective settings
   */
  public AgentSettings effective(String orgId, String agentId) {
    AgentSettings defaults = defaults(orgId);
    if (agentId == null) {
      return defaults;
    }
    return settings.find(orgId, agentId).orElse(AgentSettings.NONE).over(defaults);
  }

  /**
   * Replaces an agent's own settings.
   *
   * @param orgId the org
   * @param actor who
   * @param agentId the agent
   * @param s the settings (unset fields fall back to the defaults)
   * @return the new view, or empty when the org has no such agent
   */
  public Optional<View> update(String orgId, Actor actor, String agentId, AgentSettings s) {
    if (!exists(orgId, agentId)) {
      return Optional.empty();
    }
    settings.put(orgId, agentId, s);
    audit.append(orgId, actor, "agent_settings.update", "agent", agentId, Map.of());
    changed.accept(orgId);
    return read(orgId, agentId);
  }

  /**
   * Reads the org defaults.
   *
   * @param orgId the org
   * @return them ({@link AgentSettings#NONE} when none are stored)
   */
  public AgentSettings defaults(String orgId) {
    return settings.find(orgId, null).orElse(AgentSettings.NONE);
  }

  /**
   * Replaces the org defaults.
   *
   * @param orgId the org
   * @param actor who
   * @param s the defaults
   * @return them
   */
  public AgentSettings updateDefaults(String orgId, Actor actor, AgentSettings s) {
    settings.put(orgId, null, s);
    audit.append(orgId, actor, "agent_settings.defaults", "org", orgId, Map.of());
    changed.accept(orgId);
    return s;
  }
}
