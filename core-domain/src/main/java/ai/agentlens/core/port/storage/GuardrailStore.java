package ai.agentlens.core.port.storage;

import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.error.StorageUnavailableException;
import ai.agentlens.core.guardrail.model.GuardrailRule;
import ai.agentlens.core.guardrail.model.RuleState;
import ai.agentlens.core.guardrail.model.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Guardrail rules, their evaluation state and trigger history, per org.
 *
 * <p>Thread-safe; every method is one transaction and names its org: another org's rules, state and
 * triggers are never read or changed (they look absent). A {@code null} or blank org reads nothing.
 * Errors: {@link InvalidInputException} for a malformed rule, {@link ConflictException} for a taken
 * id, {@link StorageUnavailableException} otherwise. Deleting an org deletes its rules, states and
 * triggers.
 */
public interface GuardrailStore {

  /**
   * One page of trigger history.
   *
   * @param triggers newest first (ties by id descending)
   * @param total how many match without paging
   */
  record TriggerPage(List<Trigger> triggers, long total) {}

  /**
   * Lists an org's rules, oldest first (ties by id).
   *
   * @param orgId the org
   * @param agentId only rules of this agent and global rules, or {@code null} for all
   * @return the rules
   */
  List<GuardrailRule> list(String orgId, String agentId);

  /**
   * Reads one rule.
   *
   * @param orgId the org
   * @param ruleId the rule
   * @return the rule, or empty when absent or another org's
   */
  Optional<GuardrailRule> find(String orgId, String ruleId);

  /**
   * Stores a new rule.
   *
   * @param rule the rule
   * @throws ConflictException when its id is taken
   */
  void insert(GuardrailRule rule);

  /**
   * Replaces a stored rule's fields (all but id, org and createdAt).
   *
   * @param rule the rule with its new fields
   * @return {@code false} when no such rule exists in its org
   */
  boolean update(GuardrailRule rule);

  /**
   * Deletes a rule with its state and trigger history.
   *
   * @param orgId the org
   * @param ruleId the rule
   * @return {@code false} when no such rule exists in the org
   */
  boolean delete(String orgId, String ruleId);

  /**
   * Reads a rule's state.
   *
   * @param orgId the org
   * @param ruleId the rule
   * @return the state, or empty when the rule was never evaluated
   */
  Optional<RuleState> state(String orgId, String ruleId);

  /**
   * Records an evaluation: sets lastEvaluatedAt and currentValue, creating the state if needed.
   *
   * @param orgId the org
   * @param ruleId the rule
   * @param at when
   * @param value the measured value, or {@code null}
   */
  void evaluated(String orgId, String ruleId, Instant at, Double value);

  /**
   * Records the evaluations of several rules of one org measured at the same time, as {@link
   * #evaluated(String, String, Instant, Double)} does for each; adapters should write them in one
   * transaction (an agent's metric rules are evaluated together after every batch). Rules that no
   * longer exist are skipped.
   *
   * @param orgId the org
   * @param values rule id to measured value ({@code null} values allowed: nothing to measure)
   * @param at when
   */
  default void evaluated(String orgId, Map<String, Double> values, Instant at) {
    values.forEach((ruleId, value) -> evaluated(orgId, ruleId, at, value));
  }

  /**
   * Claims a trigger under the cooldown, atomically across instances: succeeds when the rule never
   * triggered or its last trigger is at least {@code cooldown} before {@code at}; then sets
   * lastTriggeredAt to {@code at} and adds one to triggerCount.
   *
   * @param orgId the org
   * @param ruleId the rule
   * @param at when
   * @param cooldown the rule's cooldown (zero: always succeeds)
   * @return whether the trigger was claimed (false: still cooling down)
   */
  boolean claimTrigger(String orgId, String ruleId, Instant at, Duration cooldown);

  /**
   * Appends a trigger to the history.
   *
   * @param trigger the trigger; its org's rule must exist
   */
  void appendTrigger(Trigger trigger);

  /**
   * Pages through the history, newest first.
   *
   * @param orgId the org
   * @param ruleId only this rule's triggers, or {@code null} for every rule
   * @param limit page size, clamped to 1..200
   * @param offset rows skipped, &ge; 0
   * @return the page and the total
   */
  TriggerPage history(String orgId, String ruleId, int limit, int offset);
}
