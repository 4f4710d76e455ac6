package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.account.AuditTrail;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditQuery;
import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.billing.BillingCache;
import ai.agentlens.core.billing.BillingJobs;
import ai.agentlens.core.billing.BillingSettings;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Mailer;
import ai.agentlens.core.port.billing.BillingInterval;
import ai.agentlens.core.port.billing.BillingState;
import ai.agentlens.core.port.billing.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link BillingJobs} on a real backend with the suite's settable clock (the stores' half of the
 * jobs; the decisions alone are {@code BillingDueTest}): a new Free org gets 14 days of Pro, the
 * Owners get one mail 3 days before the end, the trial ends in Free without a subscription and in
 * the subscription's plan with one; a failed payment's 7-day grace ends in Free; a scheduled
 * downgrade is applied from its date; another instance's lease stops the run. Each step is audited.
 */
public abstract class BillingJobsContract extends StorageContract {

  private static final BillingSettings SETTINGS =
      new BillingSettings("whsec_test", null, null, null, null, "https://agentlens.example");

  private final List<Mailer.Message> mails = new CopyOnWriteArrayList<>();
  private final ScriptedBillingGateway stripe = new ScriptedBillingGateway();
  private final AtomicInteger ids = new AtomicInteger();

  private AccountPorts ports() {
    return new AccountPorts(
        stores,
        null,
        mails::add,
        now::get,
        () -> String.format("job%029d", ids.incrementAndGet()),
        null,
        null,
        null,
        null);
  }

  private BillingJobs jobs(String owner) {
    AccountPorts ports = ports();
    return new BillingJobs(
        ports,
        new AuditTrail(ports),
        stripe,
        SETTINGS,
        provider.jobLeases(),
        owner,
        new BillingCache(stores.billing(), System::nanoTime));
  }

  private int run() {
    return jobs("instance-a").runOnce();
  }

  private Org org(Plan plan) {
    String id = id("org");
    Org org =
        new Org(
            id, "s-" + id.substring(4, 24), "Org " + id, plan, OrgSettings.defaults(30), now.get());
    stores.orgs().create(org);
    return org;
  }

  private User owner(String orgId) {
    User u = newUser();
    stores.memberships().add(new Membership(orgId, u.id(), Role.OWNER, now.get()));
    return u;
  }

  private Plan plan(String orgId) {
    return stores.orgs().find(orgId).orElseThrow().plan();
  }

  private BillingState state(String orgId) {
    return stores.billing().find(orgId).orElseThrow();
  }

  private List<String> actions(String orgId) {
    return stores.audit().query(orgId, AuditQuery.newest(50)).stream()
        .map(AuditEntry::action)
        .toList();
  }

  private long mailsTo(User u) {
    return mails.stream().filter(m -> m.to().equalsIgnoreCase(u.email())).count();
  }

  private void at(Instant t) {
    now.set(t);
  }

  private static Subscription subscription(
      String orgId, String status, Plan plan, Plan scheduled, Instant scheduledAt) {
    return new Subscription(
        "sub_" + orgId,
        "cus_" + orgId,
        orgId,
        status,
        plan,
        BillingInterval.MONTHLY,
        Instant.parse("2027-02-01T00:00:00Z"),
        null,
        false,
        scheduled,
        scheduledAt);
  }

  @Test
  void aNewFreeOrgGetsTheTrialOneMailThreeDaysBeforeItsEndThenFree() {
    Instant t0 = Instant.parse("2026-12-01T09:00:00.123456Z");
    at(t0);
    Org org = org(Plan.FREE);
    User owner = owner(org.id());

    run();
    assertThat(plan(org.id())).isEqualTo(Plan.PRO);
    Instant end = t0.plus(Duration.ofDays(14));
    assertThat(state(org.id()).status()).isEqualTo("trialing");
    assertThat(state(org.id()).trialEnd()).isEqualTo(end);
    assertThat(actions(org.id())).contains("billing.trial_started", "billing.plan_changed");

    at(end.minus(Duration.ofDays(3)).minusSeconds(1));
    run();
    assertThat(mailsTo(owner)).as("not yet").isZero();
    at(end.minus(Duration.ofDays(3)));
    run();
    run();
    assertThat(mailsTo(owner)).as("exactly one trial mail").isEqualTo(1);
    assertThat(mails.stream().filter(m -> m.to().equalsIgnoreCase(owner.email())).findFirst())
        .hasValueSatisfying(
            m -> assertThat(m.body()).contains("https://agentlens.example/billing"));

    at(end.minusSeconds(1));
    run();
    assertThat(plan(org.id())).isEqualTo(Plan.PRO);
    at(end);
    run();
    assertThat(plan(org.id())).as("no subscription: Free").isEqualTo(Plan.FREE);
    assertThat(state(org.id()).status()).isEqualTo("none");
    assertThat(actions(org.id())).contains("billing.trial_ended");
    run();
    assertThat(plan(org.id())).as("no second trial").isEqualTo(Plan.FREE);
  }

  @Test
  void aTrialWithALiveSubscriptionEndsInTheSubscriptionsPlan() {
    Instant t0 = Instant.parse("2026-12-02T09:00:00Z");
    at(t0);
    Org org = org(Plan.FREE);
    run();
    stores.billing().save(state(org.id()).withCustomer("cus_" + org.id(), now.get()));
    stripe.live.put("cus_" + org.id(), subscription(org.id(), "active", Plan.TEAM, null, null));

    at(t0.plus(Duration.ofDays(14)));
    run();
    assertThat(plan(org.id())).isEqualTo(Plan.TEAM);
    assertThat(state(org.id()).subscriptionId()).isEqualTo("sub_" + org.id());
    assertThat(state(org.id()).status()).isEqualTo("active");
  }

  @Test
  void aFailedPaymentKeepsThePlanForSevenDaysThenFree() {
    Instant t0 = Instant.parse("2026-12-05T12:00:00Z");
    at(t0);
    Org org = org(Plan.TEAM);
    Instant grace = t0.plus(Duration.ofDays(7));
    stores
        .billing()
        .save(
            BillingState.none(org.id(), t0)
                .withSubscription(subscription(org.id(), "past_due", Plan.TEAM, null, null), t0)
                .withPayment(BillingState.PAYMENT_FAILED, grace, t0));

    at(grace.minusSeconds(1));
    run();
    assertThat(plan(org.id())).isEqualTo(Plan.TEAM);
    at(grace);
    run();
    assertThat(plan(org.id())).isEqualTo(Plan.FREE);
    assertThat(state(org.id()).paymentState()).isEqualTo(BillingState.PAYMENT_OK);
    assertThat(state(org.id()).graceUntil()).isNull();
    List<AuditEntry> audit = stores.audit().query(org.id(), AuditQuery.newest(5));
    assertThat(audit.get(0).action()).isEqualTo("billing.plan_changed");
    assertThat(audit.get(0).details()).contains("grace period ended");
  }

  @Test
  void aScheduledDowngradeIsAppliedFromItsDate() {
    Instant t0 = Instant.parse("2026-12-10T00:00:00Z");
    at(t0);
    Org org = org(Plan.TEAM);
    Instant periodEnd = t0.plus(Duration.ofDays(10));
    stores
        .billing()
        .save(
            BillingState.none(org.id(), t0)
                .withSubscription(
                    subscription(org.id(), "active", Plan.TEAM, Plan.PRO, periodEnd), t0));
    stripe.byId.put("sub_" + org.id(), subscription(org.id(), "active", Plan.PRO, null, null));

    at(periodEnd.minusSeconds(1));
    run();
    assertThat(plan(org.id())).isEqualTo(Plan.TEAM);
    assertThat(stripe.reads(org.id())).as("nothing due: Stripe is not asked").isZero();
    at(periodEnd);
    run();
    assertThat(plan(org.id())).isEqualTo(Plan.PRO);
    assertThat(state(org.id()).pendingPlan()).isNull();
    assertThat(actions(org.id())).contains("billing.plan_changed");
  }

  @Test
  void anotherInstancesLeaseStopsTheRun() {
    Instant t0 = Instant.parse("2026-12-20T00:00:00Z");
    at(t0);
    Org org = org(Plan.FREE);
    assertThat(provider.jobLeases().acquire(BillingJobs.JOB, "instance-b", BillingJobs.LEASE))
        .isTrue();
    try {
      assertThat(run()).isEqualTo(-1);
      assertThat(plan(org.id())).isEqualTo(Plan.FREE);
    } finally {
      provider.jobLeases().release(BillingJobs.JOB, "instance-b");
    }
    assertThat(run()).isPositive();
    assertThat(plan(org.id())).isEqualTo(Plan.PRO);
  }
}
