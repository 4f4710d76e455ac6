package ai.agentlens.core.ingest;

import ai.agentlens.core.plan.OverageCap;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.plan.QuotaPolicy;
import ai.agentlens.core.plan.QuotaSettings;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.quota.OverageCapStore;
import ai.agentlens.core.port.storage.UsageLedger;
import java.time.YearMonth;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * The monthly quota and overage cap on the hot path (FR-57, FR-58, FR-59, FR-61), without a
 * database read per request. Per org it keeps an estimate of this month's events (the usage
 * ledger's total plus what this instance accepted since) and the org's overage cap; both are
 * re-read every {@link #REFRESH_NANOS} per active org (or at once after {@link #invalidate}). The
 * estimate never decreases within a month, and events other instances accepted show up once stored,
 * so across instances the quota may be overrun by at most a few seconds of traffic. When an
 * accepted request brings the month to {@link Tiers#WARNING_SHARE} of the quota the gate tells its
 * {@link WarningListener}, once per org and month per instance. Unlimited plans, and every plan
 * when billing is off, cost nothing. The re-read runs outside the org's lock on the request that
 * found the figures due, while the org's other requests go on deciding with the figures they have
 * (only an org's first request of a month waits for its own read).
 */
public final class QuotaGate {

  /** How often the ledger and the cap are re-read per active org. */
  public static final long REFRESH_NANOS = 5_000_000_000L;

  private static final System.Logger LOG = System.getLogger(QuotaGate.class.getName());

  /** Told when an org reaches the warning share of its quota (FR-58). */
  @FunctionalInterface
  public interface WarningListener {
    /**
     * Called once per org and month per instance, outside the gate's locks; must not block.
     *
     * @param orgId the org
     * @param plan its plan
     * @param month the month
     * @param used events counted this month
     * @param quota the month's quota
     */
    void reached(String orgId, Plan plan, YearMonth month, long used, long quota);
  }

  private final UsageLedger ledger;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final QuotaSettings settings;
  private final OverageCapStore caps;
  private final WarningListener listener;
  private final ConcurrentHashMap<String, OrgQuota> counters = new ConcurrentHashMap<>();
  private final BiFunction<String, YearMonth, OrgQuota.Reading> reader = this::read;

  /**
   * Creates a gate with real quotas, default caps and no warnings.
   *
   * @param ledger the usage ledger
   * @param clock wall clock (month boundaries, UTC)
   * @param nanoTime monotonic clock (refresh interval)
   */
  public QuotaGate(UsageLedger ledger, Clock clock, LongSupplier nanoTime) {
    this(ledger, clock, nanoTime, QuotaSettings.DEFAULT, null, null);
  }

  /**
   * Creates a gate.
   *
   * @param ledger the usage ledger
   * @param clock wall clock (month boundaries, UTC)
   * @param nanoTime monotonic clock (refresh interval)
   * @param settings whether billing checks run, and quota scaling
   * @param caps the orgs' overage caps, or {@code null} for the default cap everywhere
   * @param listener told when an org reaches the warning share, or {@code null}
   */
  public QuotaGate(
      UsageLedger ledger,
      Clock clock,
      LongSupplier nanoTime,
      QuotaSettings settings,
      OverageCapStore caps,
      WarningListener listener) {
    this.ledger = ledger;
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.settings = settings;
    this.caps = caps;
    this.listener = listener;
  }

  /**
   * Returns how this gate applies the tier table.
   *
   * @return the settings
   */
  public QuotaSettings settings() {
    return settings;
  }

  /**
   * Decides a request and, unless refused, counts its events.
   *
   * @param orgId the org
   * @param plan its plan
   * @param incoming events in the request
   * @return the decision
   */
  public QuotaPolicy.Decision reserve(String orgId, Plan plan, int incoming) {
    if (!settings.checks(plan)) {
      return QuotaPolicy.Decision.WITHIN_QUOTA;
    }
    OrgQuota.Outcome o = refreshed(orgId).reserve(settings, plan, incoming);
    if (o.warn() && listener != null) {
      listener.reached(orgId, plan, o.month(), o.used(), settings.quota(plan));
    }
    return o.decision();
  }

  /**
   * Explains a refusal by {@link #reserve}, naming the quota or cap that was reached.
   *
   * @param orgId the org
   * @param plan its plan
   * @return the 402 message
   */
  public String refusal(String orgId, Plan plan) {
    return QuotaPolicy.refusalMessage(plan, settings.quota(plan), capEvents(orgId, plan));
  }

  /**
   * Returns the most events this month may hold for an org, from the cache.
   *
   * @param orgId the org
   * @param plan its plan
   * @return the cap in events (the quota for a plan without overage)
   */
  public long capEvents(String orgId, Plan plan) {
    return settings.cap(plan, refreshed(orgId).cap());
  }

  /**
   * Forgets the cached cap and total of an org, so the next request re-reads them (after its Owner
   * changed the cap on this instance; other instances pick it up within {@link #REFRESH_NANOS}).
   *
   * @param orgId the org
   */
  public void invalidate(String orgId) {
    OrgQuota counter = counters.get(orgId);
    if (counter != null) {
      counter.invalidate();
    }
  }

  /**
   * Uncounts a reserved request that was not accepted after all (e.g. the queue refused it).
   *
   * @param orgId the org
   * @param events the request's events
   */
  public void release(String orgId, int events) {
    OrgQuota counter = counters.get(orgId);
    if (counter != null) {
      counter.release(events);
    }
  }

  /**
   * Returns the estimate of this month's events, for the usage banner.
   *
   * @param orgId the org
   * @return events counted this month
   */
  public long used(String orgId) {
    return refreshed(orgId).estimate();
  }

  private OrgQuota refreshed(String orgId) {
    OrgQuota counter = counters.computeIfAbsent(orgId, k -> new OrgQuota());
    counter.refresh(clock.now(), nanoTime.getAsLong(), REFRESH_NANOS, orgId, reader);
    return counter;
  }

  private OrgQuota.Reading read(String orgId, YearMonth month) {
    long stored = ledger.total(orgId, OrgQuota.start(month), OrgQuota.start(month.plusMonths(1)));
    OverageCap cap = null;
    if (caps != null) {
      try {
        cap = caps.find(orgId).orElse(OverageCap.DEFAULT);
      } catch (RuntimeException e) {
        // why: the cap is a spending guard, not a reason to stop ingestion; keep the last known one
        LOG.log(System.Logger.Level.WARNING, "overage cap of org " + orgId + " unreadable", e);
      }
    }
    return new OrgQuota.Reading(month, stored, cap);
  }
}
