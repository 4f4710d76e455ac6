package ai.agentlens.core.port.incident;

import ai.agentlens.core.incident.model.IncidentRule;
import java.util.List;
import java.util.Optional;

/**
 * The incident rules of every org. Thread-safe; every method names its org and never reads or
 * changes another org's rows (a {@code null} or blank org reads nothing and changes nothing).
 * Errors: {@link ai.agentlens.core.error.StorageUnavailableException}; {@link
 * ai.agentlens.core.error.NotFoundException} when creating a rule for an org that does not exist.
 */
public interface IncidentRuleStore {

  /**
   * Stores a new rule.
   *
   * @param rule the rule (its id is new)
   */
  void create(IncidentRule rule);

  /**
   * Reads one rule.
   *
   * @param orgId the org
   * @param id the rule
   * @return it, or empty
   */
  Optional<IncidentRule> find(String orgId, String id);

  /**
   * Lists an org's rules, oldest first (ties by id).
   *
   * @param orgId the org
   * @param enabledOnly only enabled rules
   * @return the rules
   */
  List<IncidentRule> list(String orgId, boolean enabledOnly);

  /**
   * Replaces a rule's fields (all but id, org and createdAt).
   *
   * @param rule the rule
   * @return {@code false} when the org has no such rule
   */
  boolean update(IncidentRule rule);

  /**
   * Deletes a rule; its incidents stay.
   *
   * @param orgId the org
   * @param id the rule
   * @return {@code false} when the org has no such rule
   */
  boolean delete(String orgId, String id);
}
