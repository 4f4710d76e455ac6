package ai.agentlens.core.billing;

import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.account.AuditTrail;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.billing.BillingGateway;
import ai.agentlens.core.port.billing.BillingState;
import ai.agentlens.core.port.billing.BillingStateStore;
import ai.agentlens.core.port.billing.Subscription;
import ai.agentlens.core.port.storage.JobLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The periodic billing job, under the {@value #JOB} lease (one instance at a time): starts the
 * card-less Pro trial of new orgs (FR-66: created less than the trial length ago, no billing row
 * yet), mails the Owners once when a trial ends within the warning window, ends trials (Free unless
 * a live subscription exists), ends grace periods after failed payments (Free), and re-reads
 * subscriptions whose scheduled downgrade is due. Every change is audited.
 */
public final class BillingJobs {

  /** The lease name. */
  public static final String JOB = "billing-maintenance";

  /** How long the lease holds. */
  public static final Duration LEASE = Duration.ofMinutes(5);

  private final AccountPorts ports;
  private final BillingGateway gateway;
  private final BillingStateStore store;
  private final BillingSettings settings;
  private final JobLeases leases;
  private final String owner;
  private final BillingSync sync;
  private final BillingNotices notices;

  /**
   * Creates the job.
   *
   * @param ports the account ports
   * @param audit the audit trail
   * @param gateway the provider
   * @param settings trial and grace lengths
   * @param leases the job leases
   * @param owner this instance's unique id
   */
  public BillingJobs(
      AccountPorts ports,
      AuditTrail audit,
      BillingGateway gateway,
      BillingSettings settings,
      JobLeases leases,
      String owner) {
    this.ports = ports;
    this.gateway = gateway;
    this.store = ports.stores().billing();
    this.settings = settings;
    this.leases = leases;
    this.owner = owner;
    this.notices = new BillingNotices(ports, audit);
    this.sync = new BillingSync(ports, store, notices);
  }

  /**
   * Runs once if this instance gets the lease.
   *
   * @return how many orgs changed; -1 when another instance holds the lease
   */
  public int runOnce() {
    if (!leases.acquire(JOB, owner, LEASE)) {
      return -1;
    }
    try {
      int changed = 0;
      for (String orgId : store.orgIds()) {
        changed += step(orgId) ? 1 : 0;
      }
      return changed;
    } finally {
      leases.release(JOB, owner);
    }
  }

  private boolean step(String orgId) {
    Instant now = ports.clock().now();
    Optional<Org> org = ports.stores().orgs().find(orgId);
    if (org.isEmpty()) {
      return false;
    }
    Optional<BillingState> found = store.find(orgId);
    if (found.isEmpty()) {
      return startTrial(org.get(), now);
    }
    BillingState s = found.get();
    if (BillingState.PAYMENT_FAILED.equals(s.paymentState())
        && s.graceUntil() != null
        && !now.isBefore(s.graceUntil())) {
      store.save(
          s.withPayment(BillingState.PAYMENT_OK, null, now)
              .withTrial("past_due_ended", null, null, s.trialWarnedAt(), now));
      sync.setPlan(orgId, Plan.FREE, "grace period ended after a failed payment");
      return true;
    }
    if (s.subscriptionId() == null && "trialing".equals(s.status()) && s.trialEnd() != null) {
      return trial(org.get(), s, now);
    }
    if (s.subscriptionId() != null && s.pendingAt() != null && !now.isBefore(s.pendingAt())) {
      gateway.subscription(s.subscriptionId()).ifPresent(sub -> sync.apply(orgId, sub));
      return true;
    }
    return false;
  }

  private boolean startTrial(Org org, Instant now) {
    if (settings.trial().isZero()
        || org.plan() != Plan.FREE
        || !now.isBefore(org.createdAt().plus(settings.trial()))) {
      return false;
    }
    Instant end = org.createdAt().plus(settings.trial());
    store.save(BillingState.none(org.id(), now).withTrial("trialing", Plan.PRO, end, null, now));
    sync.setPlan(org.id(), Plan.PRO, "trial");
    notices.audit(org.id(), null, "billing.trial_started", Map.of("trial_end", end.toString()));
    return true;
  }

  private boolean trial(Org org, BillingState s, Instant now) {
    if (!now.isBefore(s.trialEnd())) {
      Optional<Subscription> live =
          s.customerId() == null ? Optional.empty() : gateway.liveSubscription(s.customerId());
      if (live.isPresent()) {
        sync.apply(org.id(), live.get());
      } else {
        store.save(s.withTrial("none", null, null, s.trialWarnedAt(), now));
        sync.setPlan(org.id(), Plan.FREE, "trial ended");
      }
      notices.audit(
          org.id(), null, "billing.trial_ended", Map.of("subscribed", live.isPresent() + ""));
      return true;
    }
    if (s.trialWarnedAt() == null && !now.isBefore(s.trialEnd().minus(settings.trialWarning()))) {
      store.save(s.withTrialWarned(now));
      notices.mailOwners(
          org.id(),
          "Your AgentLens Pro trial ends soon",
          "The Pro trial of "
              + org.name()
              + " ends on "
              + s.trialEnd()
              + ". Without a subscription the organization moves to the Free plan then."
              + " Choose a plan at "
              + settings.publicUrl()
              + "/billing");
      return true;
    }
    return false;
  }
}
