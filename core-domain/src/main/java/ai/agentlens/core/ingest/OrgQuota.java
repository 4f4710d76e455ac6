package ai.agentlens.core.ingest;

import ai.agentlens.core.plan.OverageCap;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.plan.QuotaPolicy;
import ai.agentlens.core.plan.QuotaSettings;
import ai.agentlens.core.plan.Tiers;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.function.BiFunction;

/**
 * One org's figures in a {@link QuotaGate}: this month's event estimate, its overage cap, when they
 * were last read, and whether the warning share was already reported this month. Every method is
 * atomic on the instance; {@link #refresh} holds the lock only around its bookkeeping, never while
 * it reads.
 */
final class OrgQuota {

  /** What a re-read found: the ledger's total for the month and the cap (null: keep the last). */
  record Reading(YearMonth month, long stored, OverageCap cap) {}

  /** What {@link #reserve} decided, and whether the caller must report the warning share. */
  record Outcome(QuotaPolicy.Decision decision, boolean warn, long used, YearMonth month) {}

  private YearMonth month;
  private Instant monthStart;
  private Instant monthEnd;
  private long estimate;
  private long refreshedAt;
  private boolean stale = true;
  private boolean refreshing;
  private OverageCap cap = OverageCap.DEFAULT;
  private YearMonth warned;

  /**
   * Decides a request against the quota and the cap and, unless refused, counts its events.
   *
   * @param settings how the tier table applies (the cap in events for the plan and the org's cap)
   * @param plan the org's plan
   * @param incoming events in the request
   * @return the decision; {@code warn} is true once per month, when the warning share is reached
   */
  synchronized Outcome reserve(QuotaSettings settings, Plan plan, int incoming) {
    long quota = settings.quota(plan);
    QuotaPolicy.Decision decision =
        QuotaPolicy.decide(quota, settings.cap(plan, cap), estimate, incoming);
    if (decision != QuotaPolicy.Decision.REFUSED) {
      estimate += incoming;
    }
    boolean warn =
        month != null
            && !month.equals(warned)
            && estimate >= Math.ceil(quota * Tiers.WARNING_SHARE);
    if (warn) {
      warned = month;
    }
    return new Outcome(decision, warn, estimate, month);
  }

  synchronized OverageCap cap() {
    return cap;
  }

  synchronized long estimate() {
    return estimate;
  }

  /** Makes the next {@link #refresh} re-read, whenever the last read was. */
  synchronized void invalidate() {
    stale = true;
  }

  /** Uncounts events reserved but not accepted after all. */
  synchronized void release(int events) {
    estimate = Math.max(0, estimate - events);
  }

  /**
   * Re-reads the figures when they are due (every {@code intervalNanos}, after {@link #invalidate},
   * or in a new month), on the calling thread; while one read runs, other callers return at once
   * with the figures at hand — except in a new month, where each reads for itself.
   *
   * @param wall the wall clock's now (month boundaries, UTC)
   * @param now the monotonic clock's now
   * @param intervalNanos how long figures stay fresh
   * @param orgId the org, passed to {@code read}
   * @param read reads the org's figures for a month; may throw, which leaves them due
   */
  void refresh(
      Instant wall,
      long now,
      long intervalNanos,
      String orgId,
      BiFunction<String, YearMonth, Reading> read) {
    // why: the read used to run under the org's lock, so every request of the org waited on the
    // database each time the figures fell due; now only the request that claims the read waits
    synchronized (this) {
      boolean newMonth = month == null || wall.isBefore(monthStart) || !wall.isBefore(monthEnd);
      if (!newMonth) {
        if (refreshing || (!stale && now - refreshedAt < intervalNanos)) {
          return;
        }
        refreshing = true;
      }
      // why: an invalidate() that arrives while this read runs sets it again, for the next request
      stale = false;
    }
    Reading r = null;
    try {
      r = read.apply(orgId, YearMonth.from(wall.atOffset(ZoneOffset.UTC)));
    } finally {
      synchronized (this) {
        refreshing = false;
        if (r == null) {
          stale = true;
        } else {
          apply(r, now);
        }
      }
    }
  }

  private void apply(Reading r, long now) {
    boolean newMonth = !r.month().equals(month);
    estimate = newMonth ? r.stored() : Math.max(r.stored(), estimate);
    month = r.month();
    monthStart = start(r.month());
    monthEnd = start(r.month().plusMonths(1));
    refreshedAt = now;
    if (r.cap() != null) {
      cap = r.cap();
    }
  }

  /**
   * Returns the first instant of a month, UTC.
   *
   * @param month the month
   * @return its start
   */
  static Instant start(YearMonth month) {
    return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
