package ai.agentlens.core.alerting;

import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.alert.AlertRule;
import ai.agentlens.core.alert.AlertSpecs;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.alerting.AlertRuleStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Alert rule management of one org: validated create and update, delete, each audited ({@code
 * alert_rule.create|update|delete}). Authorization is the caller's job (Owner or Admin, or an org
 * API key). Reads go straight to the store.
 */
public final class AlertRules {

  /**
   * Who changes a rule, for the audit log.
   *
   * @param type user or API key
   * @param id user id or key prefix
   * @param ip client address, or {@code null}
   */
  public record Actor(ActorType type, String id, String ip) {}

  /** The spec broke value rules. */
  public static final class InvalidSpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The problems, at least one. */
    private final transient List<AlertSpecs.Problem> problems;

    InvalidSpecException(List<AlertSpecs.Problem> problems) {
      super("Validation failed", null, false, false);
      this.problems = List.copyOf(problems);
    }

    /**
     * Returns the problems.
     *
     * @return one per broken field
     */
    public List<AlertSpecs.Problem> problems() {
      return problems;
    }
  }

  private final AlertRuleStore store;
  private final AlertAudit audit;
  private final Clock clock;
  private final Supplier<String> ids;

  /**
   * Creates the use case.
   *
   * @param store the rules
   * @param audit the audit trail
   * @param clock the time
   * @param ids new ids
   */
  public AlertRules(AlertRuleStore store, AlertAudit audit, Clock clock, Supplier<String> ids) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * Creates a rule.
   *
   * @param orgId the org
   * @param actor who
   * @param spec the rule
   * @return the stored rule
   * @throws InvalidSpecException when the spec is invalid
   */
  public AlertRule create(String orgId, Actor actor, AlertRule.AlertSpec spec) {
    valid(spec);
    Instant now = now();
    AlertRule rule = new AlertRule(ids.get(), orgId, spec, now, now);
    store.create(rule);
    audited(orgId, actor, "alert_rule.create", rule);
    return rule;
  }

  /**
   * Replaces a rule's spec.
   *
   * @param orgId the org
   * @param actor who
   * @param ruleId the rule
   * @param spec the new spec (the caller merged a partial update onto the old one)
   * @return the updated rule, or empty when the org has no such rule
   * @throws InvalidSpecException when the spec is invalid
   */
  public Optional<AlertRule> update(
      String orgId, Actor actor, String ruleId, AlertRule.AlertSpec spec) {
    valid(spec);
    Optional<AlertRule> old = store.find(orgId, ruleId);
    if (old.isEmpty()) {
      return Optional.empty();
    }
    AlertRule rule = new AlertRule(ruleId, orgId, spec, old.get().createdAt(), now());
    if (!store.update(rule)) {
      return Optional.empty();
    }
    audited(orgId, actor, "alert_rule.update", rule);
    return Optional.of(rule);
  }

  /**
   * Deletes a rule.
   *
   * @param orgId the org
   * @param actor who
   * @param ruleId the rule
   * @return {@code true} when the org had it
   */
  public boolean delete(String orgId, Actor actor, String ruleId) {
    Optional<AlertRule> old = store.find(orgId, ruleId);
    if (old.isEmpty() || !store.delete(orgId, ruleId)) {
      return false;
    }
    audited(orgId, actor, "alert_rule.delete", old.get());
    return true;
  }

  // why: stores keep microseconds; the answer of a create must equal what a later read returns
  private Instant now() {
    return clock.now().truncatedTo(ChronoUnit.MICROS);
  }

  private static void valid(AlertRule.AlertSpec spec) {
    List<AlertSpecs.Problem> problems = AlertSpecs.check(spec);
    if (!problems.isEmpty()) {
      throw new InvalidSpecException(problems);
    }
  }

  private void audited(String orgId, Actor actor, String action, AlertRule rule) {
    audit.append(
        orgId,
        actor,
        action,
        rule.id(),
        AuditResult.SUCCESS,
        Map.of(
            "name", rule.spec().name(),
            "condition", rule.spec().condition().wireName(),
            "enabled", Boolean.toString(rule.spec().enabled())));
  }
}
