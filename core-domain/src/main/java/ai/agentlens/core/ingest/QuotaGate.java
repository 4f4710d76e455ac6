package ai.agentlens.core.ingest;

import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.plan.QuotaPolicy;
import ai.agentlens.core.plan.Tier;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.UsageLedger;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The monthly quota on the hot path (FR-57, FR-59, FR-61), without a database read per request. Per
 * org it keeps an estimate of this month's events: the usage ledger's total (refreshed every {@link
 * #REFRESH_NANOS}) plus what this instance accepted since. The estimate never decreases within a
 * month, and events other instances accepted show up once stored, so across instances the quota may
 * be overrun by at most a few seconds of traffic. Unlimited plans cost nothing.
 */
public final class QuotaGate {

  /** How often the ledger is re-read per active org. */
  public static final long REFRESH_NANOS = 5_000_000_000L;

  private final UsageLedger ledger;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();

  private static final class Counter {
    YearMonth month;
    long estimate;
    long refreshedAt;
  }

  /**
   * Creates a gate.
   *
   * @param ledger the usage ledger
   * @param clock wall clock (month boundaries, UTC)
   * @param nanoTime monotonic clock (refresh interval)
   */
  public QuotaGate(UsageLedger ledger, Clock clock, LongSupplier nanoTime) {
    this.ledger = ledger;
    this.clock = clock;
    this.nanoTime = nanoTime;
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
    if (!Tier.limited(Tiers.of(plan).eventsPerMonth())) {
      return QuotaPolicy.Decision.WITHIN_QUOTA;
    }
    Counter counter = counters.computeIfAbsent(orgId, k -> new Counter());
    synchronized (counter) {
      refresh(orgId, counter);
      QuotaPolicy.Decision decision =
          QuotaPolicy.decide(
              plan, counter.estimate, incoming, Tiers.DEFAULT_OVERAGE_CAP_MULTIPLIER);
      if (decision != QuotaPolicy.Decision.REFUSED) {
        counter.estimate += incoming;
      }
      return decision;
    }
  }

  /**
   * Uncounts a reserved request that was not accepted after all (e.g. the queue refused it).
   *
   * @param orgId the org
   * @param events the request's events
   */
  public void release(String orgId, int events) {
    Counter counter = counters.get(orgId);
    if (counter != null) {
      synchronized (counter) {
        counter.estimate = Math.max(0, counter.estimate - events);
      }
    }
  }

  /**
   * Returns the estimate of this month's events, for the usage banner.
   *
   * @param orgId the org
   * @return events counted this month
   */
  public long used(String orgId) {
    Counter counter = counters.computeIfAbsent(orgId, k -> new Counter());
    synchronized (counter) {
      refresh(orgId, counter);
      return counter.estimate;
    }
  }

  private void refresh(String orgId, Counter counter) {
    YearMonth month = YearMonth.from(clock.now().atOffset(ZoneOffset.UTC));
    long now = nanoTime.getAsLong();
    boolean newMonth = !month.equals(counter.month);
    if (!newMonth && now - counter.refreshedAt < REFRESH_NANOS) {
      return;
    }
    Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    long stored = ledger.total(orgId, from, to);
    counter.estimate = newMonth ? stored : Math.max(stored, counter.estimate);
    counter.month = month;
    counter.refreshedAt = now;
  }
}
