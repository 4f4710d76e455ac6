package ai.agentlens.core.incident;

import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.incident.model.Incident;
import ai.agentlens.core.incident.model.IncidentRule;
import ai.agentlens.core.incident.model.IncidentSeverity;
import ai.agentlens.core.incident.model.TriggerType;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.incident.IncidentRuleStore;
import ai.agentlens.core.port.incident.IncidentStore;
import ai.agentlens.core.port.storage.AuditLog;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Incident changes people make, each audited: resolving an incident ({@code incident.resolve},
 * target type {@code incident}), running its root-cause analysis ({@code incident.rca}) and
 * creating, updating and deleting rules ({@code incident_rule.create|update|delete}, target type
 * {@code incident_rule}). Authorization is the caller's job. Reads go straight to the stores.
 */
public final class Incidents {

  /**
   * Who acts, for the audit log.
   *
   * @param type user or API key
   * @param id user id or key prefix
   * @param ip client address, or {@code null}
   */
  public record Actor(ActorType type, String id, String ip) {}

  /**
   * The fields of a rule a person sets.
   *
   * @param type the type
   * @param threshold the threshold
   * @param windowMinutes the window
   * @param severity the severity
   * @param agentId the agent, or {@code null}
   * @param enabled whether it is evaluated
   */
  public record RuleSpec(
      TriggerType type,
      double threshold,
      int windowMinutes,
      IncidentSeverity severity,
      String agentId,
      boolean enabled) {}

  private final IncidentStore store;
  private final IncidentRuleStore rules;
  private final AuditLog audit;
  private final Clock clock;
  private final Supplier<String> ids;
  private final Consumer<String> rulesChanged;

  /**
   * Creates the use case.
   *
   * @param store the incidents
   * @param rules the rules
   * @param audit the audit log
   * @param clock the time
   * @param ids new ids
   * @param rulesChanged told the org after each rule change (the detector forgets its cache)
   */
  public Incidents(
      IncidentStore store,
      IncidentRuleStore rules,
      AuditLog audit,
      Clock clock,
      Supplier<String> ids,
      Consumer<String> rulesChanged) {
    this.store = store;
    this.rules = rules;
    this.audit = audit;
    this.clock = clock;
    this.ids = ids;
    this.rulesChanged = rulesChanged;
  }

  /**
   * Resolves an incident (an already resolved one is returned unchanged and not audited again).
   *
   * @param orgId the org
   * @param actor who
   * @param id the incident
   * @return the incident, or empty when the org has no such incident
   */
  public Optional<Incident> resolve(String orgId, Actor actor, String id) {
    Optional<Incident> before = store.find(orgId, id);
    if (before.isEmpty() || !before.get().open()) {
      return before;
    }
    Optional<Incident> after = store.resolve(orgId, id, actor.id(), now());
    after.ifPresent(i -> audited(orgId, actor, "incident.resolve", "incident", id));
    return after;
  }

  /**
   * Creates a rule.
   *
   * @param orgId the org
   * @param actor who
   * @param spec the fields
   * @return the stored rule
   * @throws IllegalArgumentException when a field is out of range
   */
  public IncidentRule createRule(String orgId, Actor actor, RuleSpec spec) {
    Instant now = now();
    IncidentRule r = rule(ids.get(), orgId, spec, now, now);
    rules.create(r);
    changed(orgId, actor, "incident_rule.create", r.id());
    return r;
  }

  /**
   * Replaces a rule's fields.
   *
   * @param orgId the org
   * @param actor who
   * @param id the rule
   * @param spec the new fields (the caller merged a partial update onto the old ones)
   * @return the rule, or empty when the org has no such rule
   * @throws IllegalArgumentException when a field is out of range
   */
  public Optional<IncidentRule> updateRule(String orgId, Actor actor, String id, RuleSpec spec) {
    Optional<IncidentRule> old = rules.find(orgId, id);
    if (old.isEmpty()) {
      return Optional.empty();
    }
    IncidentRule r = rule(id, orgId, spec, old.get().createdAt(), now());
    if (!rules.update(r)) {
      return Optional.empty();
    }
    changed(orgId, actor, "incident_rule.update", id);
    return Optional.of(r);
  }

  /**
   * Deletes a rule.
   *
   * @param orgId the org
   * @param actor who
   * @param id the rule
   * @return {@code true} when the org had it
   */
  public boolean deleteRule(String orgId, Actor actor, String id) {
    if (!rules.delete(orgId, id)) {
      return false;
    }
    changed(orgId, actor, "incident_rule.delete", id);
    return true;
  }

  /**
   * Audits the creation of the org's Datadog webhook secret ({@code incident.datadog_secret}).
   *
   * @param orgId the org
   * @param actor who
   */
  public void secretCreated(String orgId, Actor actor) {
    audited(orgId, actor, "incident.datadog_secret", "org", orgId);
  }

  /**
   * Audits a root-cause analysis a person ran ({@code incident.rca}, target type {@code incident};
   * the details name how it ended).
   *
   * @param orgId the org
   * @param actor who
   * @param id the incident
   * @param status {@code done} or {@code failed}
   */
  public void rcaRequested(String orgId, Actor actor, String id, String status) {
    audited()
        .append(
            orgId,
            actor,
            "incident.rca",
            "incident",
            id,
            Map.of("status", "done".equals(status) ? "done" : "failed"));
  }

  private static IncidentRule rule(
      String id, String orgId, RuleSpec s, Instant created, Instant updated) {
    return new IncidentRule(
        id,
        orgId,
        s.type(),
        s.threshold(),
        s.windowMinutes(),
        s.severity(),
        s.agentId(),
        s.enabled(),
        created,
        updated);
  }

  private void changed(String orgId, Actor actor, String action, String ruleId) {
    audited(orgId, actor, action, "incident_rule", ruleId);
    rulesChanged.accept(orgId);
  }

  // why: stores keep microseconds; the answer of a write must equal what a later read returns
  private Instant now() {
    return clock.now().truncatedTo(ChronoUnit.MICROS);
  }

  private void audited(String orgId, Actor actor, String action, String type, String target) {
    audited().append(orgId, actor, action, type, target, Map.of());
  }

  private ActorAudit audited() {
    return new ActorAudit(audit, clock, ids);
  }
}
