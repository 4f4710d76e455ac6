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
 * subscriptions whose scheduled downgrade is due. What is due is decided by {@link BillingDue};
 * every change is audited.
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
   * @param cache the per-org billing cache, dropped for every org the job changes
   */
  public BillingJobs(
      AccountPorts ports,
      AuditTrail audit,
      BillingGateway gateway,
      BillingSettings settings,
      JobLeases leases,
      String owner,
      BillingCache cache) {
    this.ports = ports;
    this.gateway = gateway;
    this.store = ports.stores().billing();
    this.settings = settings;
    this.leases = leases;
    this.owner = owner;
    this.notices = new BillingNotices(ports, audit);
    this.sync = new BillingSync(ports, store, notices, cache);
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
    BillingState s = store.find(orgId).orElse(null);
    return switch (BillingDue.next(org.get(), s, now, settings)) {
      case START_TRIAL -> startTrial(org.get(), now);
      case WARN_TRIAL -> warnTrial(org.get(), s, now);
      case END_TRIAL -> endTrial(org.get(), s, now);
      case END_GRACE -> endGrace(s, now);
      case APPLY_SCHEDULED -> {
        gateway.subscription(s.subscriptionId()).ifPresent(sub -> sync.apply(orgId, sub));
        yield true;
      }
      case NOTHING -> false;
    };
  }

  private boolean endGrace(BillingState s, Instant now) {
    sync.save(
        s.withPayment(BillingState.PAYMENT_OK, null, now)
            .withTrial("past_due_ended", null, null, s.trialWarnedAt(), now));
    sync.setPlan(s.orgId(), Plan.FREE, "grace period ended after a failed payment");
    return true;
  }

  private boolean startTrial(Org org, Instant now) {
    Instant end = org.createdAt().plus(settings.trial());
    sync.save(BillingState.none(org.id(), now).withTrial("trialing", Plan.PRO, end, null, now));
    sync.setPlan(org.id(), Plan.PRO, "trial");
    notices.audit(org.id(), null, "billing.trial_started", Map.of("trial_end", end.toString()));
    return true;
  }

  private boolean endTrial(Org org, BillingState s, Instant now) {
    Optional<Subscription> live =
        s.customerId() == null ? Optional.empty() : gateway.liveSubscription(s.customerId());
    if (live.isPresent()) {
      sync.apply(org.id(), live.get());
    } else {
      sync.save(s.withTrial("none", null, null, s.trialWarnedAt(), now));
      sync.setPlan(org.id(), Plan.FREE, "trial ended");
    }
    notices.audit(
        org.id(), null, "billing.trial_ended", Map.of("subscribed", live.isPresent() + ""));
    return true;
  }

  private boolean warnTrial(Org org, BillingState s, Instant now) {
    sync.save(s.withTrialWarned(now));
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
}
