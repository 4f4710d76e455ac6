package ai.agentlens.core.port.cost;

import ai.agentlens.core.budget.model.BudgetBreach;
import ai.agentlens.core.budget.model.CostBudget;
import java.util.List;
import java.util.Optional;

/**
 * Cost budgets and their breach history. Thread-safe; every tenant method is one transaction, names
 * its org and never reads or changes another org's rows (a {@code null} or blank org reads nothing
 * and changes nothing). Deleting a budget deletes its breaches; deleting an org deletes both.
 * Errors: {@link ai.agentlens.core.error.ConflictException} for a duplicate id, {@link
 * ai.agentlens.core.error.StorageUnavailableException} otherwise.
 */
public interface CostBudgetStore {

  /**
   * Stores a new budget.
   *
   * @param budget the budget (its org must exist)
   * @throws ai.agentlens.core.error.ConflictException when the org already has a budget with the id
   */
  void create(CostBudget budget);

  /**
   * Reads one budget.
   *
   * @param orgId the org
   * @param id the budget
   * @return the budget, or empty when the org has none with this id
   */
  Optional<CostBudget> find(String orgId, String id);

  /**
   * Lists an org's budgets, oldest first (then by id).
   *
   * @param orgId the org
   * @return the budgets, empty when none
   */
  List<CostBudget> list(String orgId);

  /**
   * Replaces a budget's fields (all but id, org and creation time).
   *
   * @param budget the new state
   * @return {@code true} when the budget existed and was changed
   */
  boolean update(CostBudget budget);

  /**
   * Deletes a budget and its breaches.
   *
   * @param orgId the org
   * @param id the budget
   * @return {@code true} when it existed
   */
  boolean delete(String orgId, String id);

  /**
   * Lists the orgs that have at least one enabled budget, for the periodic check (not
   * tenant-scoped; returns ids only).
   *
   * @return org ids, in no particular order
   */
  List<String> orgsWithEnabledBudgets();

  /**
   * Records a breach unless the budget already has one with the same period key and kind:
   * atomically, so that concurrent checks record it once.
   *
   * @param breach the breach
   * @return {@code true} when it was recorded, {@code false} when one was already there (or the
   *     budget is gone)
   */
  boolean recordBreach(BudgetBreach breach);

  /**
   * Lists a budget's breaches, newest first (then by id, descending).
   *
   * @param orgId the org
   * @param budgetId the budget
   * @param limit the most to return, &gt; 0
   * @return the breaches
   */
  List<BudgetBreach> breaches(String orgId, String budgetId, int limit);
}
