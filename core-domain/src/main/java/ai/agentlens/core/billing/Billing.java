package ai.agentlens.core.billing;

import ai.agentlens.core.account.Access;
import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.account.AuditTrail;
import ai.agentlens.core.account.model.Caller;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.error.NotFoundException;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.billing.BillingException;
import ai.agentlens.core.port.billing.BillingGateway;
import ai.agentlens.core.port.billing.BillingInterval;
import ai.agentlens.core.port.billing.BillingState;
import ai.agentlens.core.port.billing.BillingStateStore;
import ai.agentlens.core.port.billing.PaymentMethodState;
import java.util.List;
import java.util.Map;

/**
 * The Owner's billing actions (permission {@code MANAGE_BILLING}): see the plan and invoices, start
 * Checkout, open the portal, change plan (upgrades at once, downgrades at period end — FR-65); and
 * the operator's Enterprise switch (no checkout: "contact us").
 */
public final class Billing {

  /** The result of asking for a plan: a URL to send the browser to, and whether it changed now. */
  public record Redirect(String url, boolean changedNow) {}

  private final AccountPorts ports;
  private final Access access;
  private final BillingGateway gateway;
  private final BillingStateStore store;
  private final BillingSettings settings;
  private final BillingSync sync;
  private final BillingNotices notices;
  private final BillingCache cache;
  private final AuditTrail audit;

  /**
   * Creates the use case.
   *
   * @param ports the account ports
   * @param access the permission gate
   * @param audit the audit trail
   * @param gateway the provider
   * @param settings billing settings
   * @param cache the per-org billing cache shared with the webhooks and jobs
   */
  public Billing(
      AccountPorts ports,
      Access access,
      AuditTrail audit,
      BillingGateway gateway,
      BillingSettings settings,
      BillingCache cache) {
    this.ports = ports;
    this.cache = cache;
    this.audit = audit;
    this.access = access;
    this.gateway = gateway;
    this.store = ports.stores().billing();
    this.settings = settings;
    this.notices = new BillingNotices(ports, audit);
    this.sync = new BillingSync(ports, store, notices, cache);
  }

  private Org org(String orgId) {
    return ports.stores().orgs().find(orgId).orElseThrow(() -> new NotFoundException("no org"));
  }

  /**
   * Reads the billing overview. The provider's part (card, next invoice, invoices) comes from the
   * {@link BillingCache} (at most one set of provider calls per org per {@link
   * BillingCache#TTL_NANOS}, dropped by any billing change); it is left empty with a reason when
   * the provider cannot be reached; the stored part is always read fresh.
   *
   * @param caller the signed-in Owner
   * @param orgId the org
   * @return the overview
   */
  public BillingOverview overview(Caller caller, String orgId) {
    access.require(caller, orgId, Permission.MANAGE_BILLING);
    Org org = org(orgId);
    BillingState state = sync.state(orgId);
    if (state.customerId() == null) {
      return new BillingOverview(org.plan(), state, PaymentMethodState.NONE, null, List.of(), null);
    }
    String customer = state.customerId();
    try {
      BillingCache.ProviderView v =
          cache.provider(
              orgId,
              () ->
                  new BillingCache.ProviderView(
                      gateway.paymentMethod(customer),
                      gateway.upcomingInvoice(customer).orElse(null),
                      gateway.invoices(customer, 12)));
      return new BillingOverview(
          org.plan(), state, v.paymentMethod(), v.upcoming(), v.invoices(), null);
    } catch (BillingException e) {
      return new BillingOverview(
          org.plan(), state, PaymentMethodState.NONE, null, List.of(), e.getMessage());
    }
  }

  /**
   * Asks for a plan: without a subscription, a Checkout URL; with one, the change is made through
   * the provider (an upgrade applies now, a downgrade at the period end) and the URL is the billing
   * page.
   *
   * @param caller the signed-in Owner
   * @param orgId the org
   * @param plan Pro or Team
   * @param interval monthly or annual
   * @return where to send the browser
   * @throws IllegalArgumentException naming {@code plan} when it cannot be bought
   */
  public Redirect choose(Caller caller, String orgId, Plan plan, BillingInterval interval) {
    access.require(caller, orgId, Permission.MANAGE_BILLING);
    if (plan != Plan.PRO && plan != Plan.TEAM) {
      throw new IllegalArgumentException("plan: must be pro or team (enterprise: contact us)");
    }
    Org org = org(orgId);
    BillingState state = ensureCustomer(caller, org);
    String page = settings.publicUrl() + "/billing";
    if (state.subscriptionId() != null && !"canceled".equals(state.status())) {
      boolean upgrade = rank(plan) > rank(state.plan() == null ? org.plan() : state.plan());
      sync.apply(orgId, gateway.changePlan(state.subscriptionId(), plan, interval, upgrade));
      notices.audit(
          orgId,
          caller.userId(),
          upgrade ? "billing.upgrade" : "billing.downgrade_requested",
          Map.of("plan", plan.wireName(), "interval", interval.wireName()));
      return new Redirect(page, upgrade);
    }
    String url =
        gateway.createCheckout(
            state.customerId(), orgId, plan, interval, page + "?checkout=success", page);
    notices.audit(
        orgId,
        caller.userId(),
        "billing.checkout_started",
        Map.of("plan", plan.wireName(), "interval", interval.wireName()));
    return new Redirect(url, false);
  }

  /**
   * Opens the provider's portal.
   *
   * @param caller the signed-in Owner
   * @param orgId the org
   * @return the portal URL
   */
  public String portal(Caller caller, String orgId) {
    access.require(caller, orgId, Permission.MANAGE_BILLING);
    BillingState state = ensureCustomer(caller, org(orgId));
    return gateway.createPortal(state.customerId(), settings.publicUrl() + "/billing");
  }

  /**
   * The operator's switch: sets an org to Enterprise (or back to Free); see {@link
   * BillingOperator#setEnterprise}. Not reachable by org members; audited with the operator as
   * actor.
   *
   * @param orgId the org
   * @param enterprise {@code true} for Enterprise, {@code false} for Free
   * @param operator who did it (recorded)
   */
  public void setEnterprise(String orgId, boolean enterprise, String operator) {
    operator().setEnterprise(orgId, enterprise, null, operator);
  }

  private BillingOperator operator() {
    return new BillingOperator(ports, audit, cache);
  }

  private BillingState ensureCustomer(Caller caller, Org org) {
    BillingState state = sync.state(org.id());
    if (state.customerId() != null) {
      return state;
    }
    String email =
        caller.userId() == null
            ? null
            : ports.stores().users().find(caller.userId()).map(u -> u.email()).orElse(null);
    BillingState withCustomer =
        state.withCustomer(
            gateway.createCustomer(org.id(), org.name(), email), ports.clock().now());
    sync.save(withCustomer);
    return withCustomer;
  }

  private static int rank(Plan p) {
    return switch (p) {
      case FREE -> 0;
      case PRO -> 1;
      case TEAM -> 2;
      default -> 3;
    };
  }
}
