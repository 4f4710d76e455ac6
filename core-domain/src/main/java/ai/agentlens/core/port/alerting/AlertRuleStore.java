package ai.agentlens.core.port.alerting;

import ai.agentlens.core.alert.AlertRule;
import java.util.List;
import java.util.Optional;

/**
 * The alert rules of each org. Tenant-scoped: every method takes the org; another org's rule is
 * never found, changed or deleted. Errors: {@link ai.agentlens.core.error.StorageException}
 * subclasses only.
 */
public interface AlertRuleStore {

  /**
   * Stores a new rule.
   *
   * @param rule the rule; its id is new
   * @throws ai.agentlens.core.error.NotFoundException when the org does not exist
   */
  void create(AlertRule rule);

  /**
   * Finds one rule.
   *
   * @param orgId the org; {@code null} or blank finds nothing
   * @param ruleId the rule
   * @return the rule, or empty when the org has no such rule
   */
  Optional<AlertRule> find(String orgId, String ruleId);

  /**
   * Lists the org's rules, oldest first (by creation time, then id).
   *
   * @param orgId the org; {@code null} or blank gives an empty list
   * @param enabledOnly only enabled rules
   * @return the rules
   */
  List<AlertRule> list(String orgId, boolean enabledOnly);

  /**
   * Replaces a rule's spec and update time.
   *
   * @param rule the rule with its new spec (id and org name the row)
   * @return {@code true} when the org had the rule
   */
  boolean update(AlertRule rule);

  /**
   * Deletes a rule and its history.
   *
   * @param orgId the org
   * @param ruleId the rule
   * @return {@code true} when the org had the rule
   */
  boolean delete(String orgId, String ruleId);
}
