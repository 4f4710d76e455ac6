package ai.agentlens.core.budget;

import ai.agentlens.core.budget.model.BudgetBreach;
import ai.agentlens.core.budget.model.CostBudget;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.cost.CostBudgetStore;
import ai.agentlens.core.port.storage.AuditLog;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The budget use cases behind {@code /api/cost-budgets}: CRUD (each change audited), the current
 * status and the breach history. Authorization is the caller's job; every method is org-scoped and
 * answers empty / {@code false} for another org's budget.
 */
public final class CostBudgets {

  /** Breaches returned by {@link #breaches} at most. */
  public static final int MAX_BREACHES = 200;

  private final CostBudgetStore store;
  private final BudgetMeter meter;
  private final BudgetAudit audit;
  private final Clock clock;
  private final Supplier<String> ids;

  /**
   * Creates the use cases.
   *
   * @param store the budgets
   * @param meter the spend measure
   * @param audit the audit log
   * @param clock the time
   * @param ids new ids
   */
  public CostBudgets(
      CostBudgetStore store, BudgetMeter meter, AuditLog audit, Clock clock, Supplier<String> ids) {
    this.store = store;
    this.meter = meter;
    this.audit = new BudgetAudit(audit, ids);
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * Lists an org's budgets.
   *
   * @param orgId the org
   * @return oldest first
   */
  public List<CostBudget> list(String orgId) {
    return store.list(orgId);
  }

  /**
   * Reads one budget.
   *
   * @param orgId the org
   * @param id the budget
   * @return it, or empty
   */
  public Optional<CostBudget> find(String orgId, String id) {
    return store.find(orgId, id);
  }

  /**
   * Creates a budget.
   *
   * @param orgId the org
   * @param draft the body
   * @param actor who
   * @return the stored budget
   * @throws InvalidBudgetException for a bad body
   */
  public CostBudget create(String orgId, BudgetDraft draft, BudgetActor actor) {
    CostBudget b = BudgetRules.create(ids.get(), orgId, draft, clock.now());
    store.create(b);
    audit.append(
        orgId,
        actor.type(),
        actor.id(),
        actor.ip(),
        "cost_budget.create",
        b.id(),
        b.createdAt(),
        BudgetAudit.describe(b));
    return b;
  }

  /**
   * Changes a budget: present fields replace.
   *
   * @param orgId the org
   * @param id the budget
   * @param draft the body
   * @param actor who
   * @return the changed budget, or empty when the org has none with this id
   * @throws InvalidBudgetException for a bad body
   */
  public Optional<CostBudget> update(
      String orgId, String id, BudgetDraft draft, BudgetActor actor) {
    Optional<CostBudget> current = store.find(orgId, id);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    CostBudget b = BudgetRules.update(current.get(), draft, clock.now());
    if (!store.update(b)) {
      return Optional.empty();
    }
    audit.append(
        orgId,
        actor.type(),
        actor.id(),
        actor.ip(),
        "cost_budget.update",
        id,
        b.updatedAt(),
        BudgetAudit.describe(b));
    return Optional.of(b);
  }

  /**
   * Deletes a budget and its breaches.
   *
   * @param orgId the org
   * @param id the budget
   * @param actor who
   * @return {@code true} when it existed
   */
  public boolean delete(String orgId, String id, BudgetActor actor) {
    if (!store.delete(orgId, id)) {
      return false;
    }
    audit.append(
        orgId,
        actor.type(),
        actor.id(),
        actor.ip(),
        "cost_budget.delete",
        id,
        clock.now(),
        java.util.Map.of());
    return true;
  }

  /**
   * Measures a budget now.
   *
   * @param orgId the org
   * @param id the budget
   * @return its status, or empty when the org has none with this id
   */
  public Optional<BudgetStatus> status(String orgId, String id) {
    return store.find(orgId, id).map(b -> meter.status(b, clock.now()));
  }

  /**
   * Lists a budget's breaches.
   *
   * @param orgId the org
   * @param id the budget
   * @param limit the most, in [1, {@value #MAX_BREACHES}]
   * @return newest first, or empty when the org has no such budget
   */
  public Optional<List<BudgetBreach>> breaches(String orgId, String id, int limit) {
    return store.find(orgId, id).map(b -> store.breaches(orgId, id, limit));
  }
}
