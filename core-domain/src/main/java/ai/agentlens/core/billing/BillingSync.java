package ai.agentlens.core.billing;

import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.billing.BillingState;
import ai.agentlens.core.port.billing.BillingStateStore;
import ai.agentlens.core.port.billing.Subscription;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a subscription's current state to an org: stores it and sets the org's plan (a live
 * subscription's plan, else Free), dropping the org from the hot-path cache so quota and rate
 * limits see the new plan at once on this instance (others within {@code OrgDirectory.TTL_NANOS}).
 * Enterprise orgs are set by an operator and never changed by the provider. Every change drops the
 * org from the {@link BillingCache}.
 */
final class BillingSync {

  private final AccountPorts ports;
  private final BillingStateStore store;
  private final BillingNotices notices;
  private final BillingCache cache;

  BillingSync(
      AccountPorts ports, BillingStateStore store, BillingNotices notices, BillingCache cache) {
    this.ports = ports;
    this.store = store;
    this.notices = notices;
    this.cache = cache;
  }

  /** Stores a state and drops the org's cached billing view (banner, provider part). */
  void save(BillingState state) {
    store.save(state);
    cache.invalidate(state.orgId());
  }

  BillingState state(String orgId) {
    return store.find(orgId).orElseGet(() -> BillingState.none(orgId, ports.clock().now()));
  }

  /** Applies a subscription to its org; returns the new state. */
  BillingState apply(String orgId, Subscription s) {
    Instant now = ports.clock().now();
    BillingState before = state(orgId);
    BillingState after = before.withSubscription(s, now);
    if (!s.live()) {
      after = after.withPayment(BillingState.PAYMENT_OK, null, now);
    }
    save(after);
    if (!equalsNullable(before.pendingPlan(), after.pendingPlan())) {
      notices.audit(
          orgId,
          null,
          "billing.plan_change_scheduled",
          Map.of(
              "plan",
              after.pendingPlan() == null ? "none" : after.pendingPlan().wireName(),
              "at",
              String.valueOf(after.pendingAt())));
    }
    Plan target = s.live() && s.plan() != null ? s.plan() : Plan.FREE;
    setPlan(orgId, target, "subscription " + s.status());
    return after;
  }

  /** Sets the org's plan when it differs; audits the change. Enterprise orgs keep theirs. */
  void setPlan(String orgId, Plan target, String reason) {
    Optional<Org> org = ports.stores().orgs().find(orgId);
    if (org.isEmpty() || org.get().plan() == target || org.get().plan() == Plan.ENTERPRISE) {
      return;
    }
    forcePlan(orgId, org.get().plan(), target, null, reason);
  }

  /** Sets the plan unconditionally and audits it (actor: an operator's name, or {@code null}). */
  void forcePlan(String orgId, Plan from, Plan target, String actor, String reason) {
    ports.stores().orgs().updatePlan(orgId, target);
    cache.invalidate(orgId);
    if (ports.orgDirectory() != null) {
      ports.orgDirectory().invalidate(orgId);
    }
    Map<String, String> details =
        Map.of("from", from.wireName(), "to", target.wireName(), "reason", reason);
    if (actor == null) {
      notices.audit(orgId, null, "billing.plan_changed", details);
    } else {
      notices.operator(orgId, actor, "billing.plan_changed", details);
    }
  }

  private static boolean equalsNullable(Object a, Object b) {
    return a == null ? b == null : a.equals(b);
  }
}
