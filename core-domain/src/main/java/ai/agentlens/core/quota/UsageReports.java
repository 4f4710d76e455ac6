package ai.agentlens.core.quota;

import ai.agentlens.core.analytics.AgentTotals;
import ai.agentlens.core.ingest.QuotaGate;
import ai.agentlens.core.plan.OverageCap;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.plan.QuotaSettings;
import ai.agentlens.core.plan.Tier;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.core.plan.UsageRecord;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.quota.OverageCapStore;
import ai.agentlens.core.port.storage.AnalyticsRollups;
import ai.agentlens.core.port.storage.UsageLedger;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds an org's {@link UsageReport} (FR-62) for the usage page and {@code GET /api/usage}: the
 * period is the UTC calendar month; the daily series and total come from the usage ledger, the
 * per-agent split from the analytics roll-ups (by event time); the projection extrapolates the
 * period's events at the rate so far (over at least one hour, so a period's first minutes do not
 * project absurd numbers). A few indexed reads per call; never on the ingest path.
 */
public final class UsageReports {

  private static final Duration MIN_ELAPSED = Duration.ofHours(1);
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private final UsageLedger ledger;
  private final AnalyticsRollups rollups;
  private final OverageCapStore caps;
  private final QuotaGate gate;
  private final Clock clock;

  /**
   * Creates the use case.
   *
   * @param ledger stored events per hour
   * @param rollups events per agent
   * @param caps the Owners' caps
   * @param gate the quota gate (how quotas are applied)
   * @param clock now
   */
  public UsageReports(
      UsageLedger ledger,
      AnalyticsRollups rollups,
      OverageCapStore caps,
      QuotaGate gate,
      Clock clock) {
    this.ledger = ledger;
    this.rollups = rollups;
    this.caps = caps;
    this.gate = gate;
    this.clock = clock;
  }

  /**
   * Builds the current period's report.
   *
   * @param orgId the org
   * @param plan its plan
   * @return the report
   */
  public UsageReport current(String orgId, Plan plan) {
    Instant now = clock.now();
    YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC));
    Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Map<LocalDate, Long> perDay = new TreeMap<>();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    for (LocalDate d = month.atDay(1);
        !d.isAfter(today) && d.getMonth() == month.getMonth();
        d = d.plusDays(1)) {
      perDay.put(d, 0L);
    }
    long used = 0;
    for (UsageRecord r : ledger.records(orgId, from, to)) {
      perDay.merge(LocalDate.ofInstant(r.hour(), ZoneOffset.UTC), r.eventCount(), Long::sum);
      used += r.eventCount();
    }
    List<UsageReport.Day> days = new ArrayList<>();
    perDay.forEach((d, n) -> days.add(new UsageReport.Day(d, n)));
    long projected = project(used, from, to, now);
    QuotaSettings settings = gate.settings();
    boolean limited = settings.enabled() && Tier.limited(Tiers.of(plan).eventsPerMonth());
    Tier tier = Tiers.of(plan);
    Long quota = limited ? settings.quota(plan) : null;
    OverageCap cap = limited && tier.overage() ? caps.find(orgId).orElse(OverageCap.DEFAULT) : null;
    Long capEvents = limited ? settings.cap(plan, cap == null ? OverageCap.DEFAULT : cap) : null;
    UsageReport.Cost cost =
        limited ? cost(plan, used, Math.min(projected, capEvents), quota) : null;
    return new UsageReport(
        month.toString(),
        plan.wireName(),
        used,
        quota,
        quota == null ? null : Math.max(0, quota - used),
        capEvents,
        cap,
        projected,
        days,
        cost,
        agents(orgId, from, now));
  }

  /** Events at the period's end at the rate so far. */
  static long project(long used, Instant from, Instant to, Instant now) {
    long elapsed = Math.max(Duration.between(from, now).toSeconds(), MIN_ELAPSED.toSeconds());
    long total = Duration.between(from, to).toSeconds();
    if (elapsed >= total) {
      return used;
    }
    return BigDecimal.valueOf(used)
        .multiply(BigDecimal.valueOf(total))
        .divide(BigDecimal.valueOf(elapsed), 0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  private static UsageReport.Cost cost(Plan plan, long used, long projected, long quota) {
    Tier tier = Tiers.of(plan);
    BigDecimal base = Tiers.basePriceUsd(plan);
    BigDecimal per1k = tier.overagePer1k();
    long over = tier.overage() ? Math.max(0, used - quota) : 0;
    long projectedOver = tier.overage() ? Math.max(0, projected - quota) : 0;
    BigDecimal overUsd = price(over, per1k);
    BigDecimal projectedUsd = price(projectedOver, per1k);
    return new UsageReport.Cost(
        base, per1k, over, overUsd, projectedOver, projectedUsd, base.add(projectedUsd));
  }

  private static BigDecimal price(long events, BigDecimal per1k) {
    return per1k.multiply(BigDecimal.valueOf(events)).divide(THOUSAND, 2, RoundingMode.HALF_UP);
  }

  private List<UsageReport.AgentShare> agents(String orgId, Instant from, Instant now) {
    Instant to = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(Duration.ofHours(1));
    List<AgentTotals> totals = rollups.agents(orgId, from, to);
    long all = totals.stream().mapToLong(AgentTotals::events).sum();
    return totals.stream()
        .filter(t -> t.events() > 0)
        .sorted(
            Comparator.comparingLong(AgentTotals::events)
                .reversed()
                .thenComparing(AgentTotals::agentId))
        .map(
            t ->
                new UsageReport.AgentShare(
                    t.agentId(), t.events(), Math.round(t.events() * 1000.0 / all) / 10.0))
        .toList();
  }
}
