package ai.agentlens.core.billing;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.plan.Tier;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.core.plan.UsageRecord;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.billing.BillingGateway;
import ai.agentlens.core.port.billing.BillingState;
import ai.agentlens.core.port.billing.BillingStateStore;
import ai.agentlens.core.port.storage.JobLeases;
import ai.agentlens.core.port.storage.OrgStore;
import ai.agentlens.core.port.storage.UsageLedger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * The hourly overage report (FR-59..61), under the {@value #JOB} lease: for each Pro or Team org
 * with a live subscription, walks the completed hours of the current quota period (the UTC month,
 * as the quota gate counts it) in the usage ledger, computes each hour's events beyond the quota,
 * and reports every hour not yet reported to the provider as metered usage — idempotency key org +
 * hour — then records it. A crash between the two repeats the same key, which the provider
 * de-duplicates; a recorded hour is never reported again. The sum reported equals the ledger's
 * overage.
 */
public final class OverageReporter {

  /** The lease name. */
  public static final String JOB = "billing-overage-report";

  /** How long the lease holds. */
  public static final Duration LEASE = Duration.ofMinutes(10);

  private final OrgStore orgs;
  private final UsageLedger ledger;
  private final BillingStateStore store;
  private final BillingGateway gateway;
  private final JobLeases leases;
  private final Clock clock;
  private final String owner;
  private final ToLongFunction<Plan> quota;

  /**
   * Creates the reporter with the tier table's quotas.
   *
   * @param orgs the orgs
   * @param ledger the usage ledger
   * @param store billing state and reported hours
   * @param gateway the provider
   * @param leases the job leases
   * @param clock the time
   * @param owner this instance's unique id
   */
  public OverageReporter(
      OrgStore orgs,
      UsageLedger ledger,
      BillingStateStore store,
      BillingGateway gateway,
      JobLeases leases,
      Clock clock,
      String owner) {
    this(orgs, ledger, store, gateway, leases, clock, owner, p -> Tiers.of(p).eventsPerMonth());
  }

  /**
   * Creates the reporter with another quota per plan (tests scale the quota down).
   *
   * @param orgs the orgs
   * @param ledger the usage ledger
   * @param store billing state and reported hours
   * @param gateway the provider
   * @param leases the job leases
   * @param clock the time
   * @param owner this instance's unique id
   * @param quota events per month per plan
   */
  public OverageReporter(
      OrgStore orgs,
      UsageLedger ledger,
      BillingStateStore store,
      BillingGateway gateway,
      JobLeases leases,
      Clock clock,
      String owner,
      ToLongFunction<Plan> quota) {
    this.orgs = orgs;
    this.ledger = ledger;
    this.store = store;
    this.gateway = gateway;
    this.leases = leases;
    this.clock = clock;
    this.owner = owner;
    this.quota = quota;
  }

  /**
   * Reports every unreported completed hour of the current period, if this instance gets the lease.
   *
   * @return events reported by this run; -1 when another instance holds the lease
   */
  public long runOnce() {
    if (!leases.acquire(JOB, owner, LEASE)) {
      return -1;
    }
    try {
      long total = 0;
      for (String orgId : store.orgIds()) {
        total += report(orgId);
      }
      return total;
    } finally {
      leases.release(JOB, owner);
    }
  }

  private long report(String orgId) {
    Org org = orgs.find(orgId).orElse(null);
    BillingState s = store.find(orgId).orElse(null);
    if (org == null
        || s == null
        || s.customerId() == null
        || s.subscriptionId() == null
        || (org.plan() != Plan.PRO && org.plan() != Plan.TEAM)) {
      return 0;
    }
    long limit = quota.applyAsLong(org.plan());
    if (!Tier.limited((int) Math.min(Integer.MAX_VALUE, limit))) {
      return 0;
    }
    Instant now = clock.now();
    Instant periodStart =
        now.atZone(ZoneOffset.UTC).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant();
    Instant lastFullHour = now.truncatedTo(ChronoUnit.HOURS);
    Map<Instant, Long> perHour = new TreeMap<>();
    for (UsageRecord r : ledger.records(orgId, periodStart, lastFullHour)) {
      perHour.merge(r.hour(), r.eventCount(), Long::sum);
    }
    Map<Instant, Long> done = store.reportedOverage(orgId, periodStart, lastFullHour);
    long cumulative = 0;
    long reported = 0;
    for (Map.Entry<Instant, Long> h : perHour.entrySet()) {
      long before = Math.max(0, cumulative - limit);
      cumulative += h.getValue();
      long over = Math.max(0, cumulative - limit) - before;
      if (over <= 0 || done.containsKey(h.getKey())) {
        continue;
      }
      String id = gateway.reportOverage(s.customerId(), orgId, h.getKey(), over);
      if (store.recordOverage(orgId, h.getKey(), over, id, now)) {
        reported += over;
      }
    }
    return reported;
  }
}
