package ai.agentlens.core.remediation;

import ai.agentlens.core.account.model.ApiKey;
import ai.agentlens.core.incident.ActorAudit;
import ai.agentlens.core.incident.Incidents.Actor;
import ai.agentlens.core.incident.model.Incident;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.remediation.model.AgentSettings;
import ai.agentlens.core.remediation.model.Remediation;
import ai.agentlens.core.remediation.model.RemediationKind;
import ai.agentlens.core.remediation.model.RemediationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Remediations of incidents (seed 003 R5): apply one of the six kinds to the incident's agent (or
 * an API key), keep what it changed as it was, and revert it. Applying and reverting are audited
 * ({@code remediation.apply|revert}, target the incident) and reported to {@code changed} (the
 * gateway's cache); an API key's new limit drops the key's cached verification. Authorization is
 * the caller's job.
 */
public final class Remediations {

  private final RemediationPorts ports;
  private final AgentSettingsEditor editor;
  private final KeyLimits keys;
  private final ActorAudit audit;
  private final Clock clock;
  private final Supplier<String> ids;
  private final Consumer<String> changed;

  /**
   * Wires the use case.
   *
   * @param ports the ports
   * @param editor the settings use case (agents that exist, the defaults)
   * @param clock the time
   * @param ids mints remediation and audit ids
   * @param changed told the org id after every change
   */
  public Remediations(
      RemediationPorts ports,
      AgentSettingsEditor editor,
      Clock clock,
      Supplier<String> ids,
      Consumer<String> changed) {
    this.ports = ports;
    this.keys = new KeyLimits(ports.keys(), ports.revocations());
    this.editor = editor;
    this.audit = new ActorAudit(ports.audit(), clock, ids);
    this.clock = clock;
    this.ids = ids;
    this.changed = changed;
  }

  /**
   * Lists an incident's remediations, oldest first.
   *
   * @param orgId the org
   * @param incidentId the incident
   * @return them, or empty when the org has no such incident
   */
  public Optional<List<Remediation>> list(String orgId, String incidentId) {
    return ports
        .incidents()
        .find(orgId, incidentId)
        .map(i -> ports.store().list(orgId, incidentId));
  }

  /**
   * Applies a remediation.
   *
   * @param orgId the org
   * @param actor who
   * @param incidentId the incident
   * @param kindName the kind's wire name
   * @param params its parameters
   * @param agentId the agent when the incident names none, else {@code null}
   * @return the applied remediation, or empty when the org has no such incident
   * @throws SettingsInvalidException for an unknown kind, bad parameters, or an unknown agent or
   *     key
   */
  public Optional<Remediation> apply(
      String orgId,
      Actor actor,
      String incidentId,
      String kindName,
      JsonObject params,
      String agentId) {
    Optional<Incident> incident = ports.incidents().find(orgId, incidentId);
    if (incident.isEmpty()) {
      return Optional.empty();
    }
    RemediationKind kind =
        RemediationKind.fromWireName(kindName)
            .orElseThrow(
                () ->
                    new SettingsInvalidException(
                        "kind",
                        "must be one of switch_model, raise_safety_threshold, disable_endpoint,"
                            + " reset_agent_settings, change_system_prompt, rate_limit"));
    RemediationParams p = RemediationParams.of(kind, params);
    String agent = incident.get().agentId() != null ? incident.get().agentId() : agentId;
    Remediation.Snapshot before;
    if (p.keyId() != null) {
      before = keys.limit(orgId, p.keyId(), p.requestsPerMinute());
    } else {
      if (agent == null) {
        throw new SettingsInvalidException("agentId", "is required: the incident names no agent");
      }
      if (!editor.exists(orgId, agent)) {
        throw new SettingsInvalidException("agentId", "no such agent in this org");
      }
      AgentSettings own = ports.settings().find(orgId, agent).orElse(null);
      before = new Remediation.Snapshot(own, null, null);
      store(orgId, agent, RemediationPlan.apply(kind, p, own, editor.defaults(orgId)));
    }
    Instant now = clock.now();
    Remediation r =
        new Remediation(
            orgId,
            ids.get(),
            incidentId,
            p.keyId() != null ? null : agent,
            kind,
            params,
            RemediationStatus.APPLIED,
            before,
            actor.id(),
            now,
            null,
            null,
            null);
    ports.store().insert(r);
    done(orgId, actor, "remediation.apply", r);
    return Optional.of(r);
  }

  /**
   * Reverts a remediation: restores what it changed as it was before. A remediation that is not
   * {@code applied} (reverted or failed) is returned unchanged; when its API key is gone it is
   * marked {@code failed}.
   *
   * @param orgId the org
   * @param actor who
   * @param incidentId the incident
   * @param id the remediation
   * @return the remediation as it is now, or empty when that incident has no such remediation
   */
  public Optional<Remediation> revert(String orgId, Actor actor, String incidentId, String id) {
    Optional<Remediation> found = ports.store().find(orgId, incidentId, id);
    if (found.isEmpty() || found.get().status() != RemediationStatus.APPLIED) {
      return found;
    }
    Remediation r = found.get();
    Remediation.Snapshot b = r.before();
    Instant now = clock.now();
    Optional<ApiKey> key = b.keyId() == null ? Optional.empty() : keys.find(orgId, b.keyId());
    if (b.keyId() != null && key.isEmpty()) {
      ports.store().finish(orgId, id, true, actor.id(), now, "the API key no longer exists");
      return ports.store().find(orgId, incidentId, id);
    }
    if (!ports.store().finish(orgId, id, false, actor.id(), now, null)) {
      return ports.store().find(orgId, incidentId, id);
    }
    if (key.isPresent()) {
      keys.restore(orgId, key.get(), b.keyRateLimit());
    } else {
      AgentSettings current = ports.settings().find(orgId, r.agentId()).orElse(null);
      store(orgId, r.agentId(), RemediationPlan.restore(r.kind(), false, current, b.settings()));
    }
    done(orgId, actor, "remediation.revert", r);
    return ports.store().find(orgId, incidentId, id);
  }

  private void done(String orgId, Actor actor, String action, Remediation r) {
    audit.append(
        orgId,
        actor,
        action,
        "incident",
        r.incidentId(),
        Map.of("remediationId", r.id(), "kind", r.kind().wireName()));
    changed.accept(orgId);
  }

  private void store(String orgId, String agentId, AgentSettings next) {
    if (next == null) {
      ports.settings().delete(orgId, agentId);
    } else {
      ports.settings().put(orgId, agentId, next);
    }
  }
}
