package ai.agentlens.core.retention;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.plan.Tiers;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How long an org's events are kept (FR-67..69, PC-16): its setting, never above its plan's cap
 * (Free 7 d, Pro 30 d, Team 90 d, Enterprise per contract). Self-hosted keeps everything unless the
 * operator sets {@code agentlens.retention.days}; then the org setting capped by it. Cutoffs start
 * at a UTC day, so a purge removes whole days and daily roll-ups stay exact. Pure.
 *
 * @param selfHostedDays the operator's cap for self-hosted orgs; empty = keep forever
 */
public record RetentionPolicy(OptionalInt selfHostedDays) {

  /**
   * Returns the days of events kept for an org.
   *
   * @param org the org
   * @return days; empty when its events are kept forever
   */
  public OptionalInt days(Org org) {
    int setting = org.settings().retentionDays();
    if (org.plan() == Plan.SELF_HOSTED) {
      if (selfHostedDays.isEmpty()) {
        return OptionalInt.empty();
      }
      return OptionalInt.of(Math.min(setting, selfHostedDays.getAsInt()));
    }
    return OptionalInt.of(Math.min(setting, Tiers.of(org.plan()).retentionDays()));
  }

  /**
   * Returns the instant before which an org's events are purged.
   *
   * @param org the org
   * @param now the current time
   * @return the start of the UTC day {@code days} before today; empty when kept forever
   */
  public Optional<Instant> cutoff(Org org, Instant now) {
    OptionalInt d = days(org);
    if (d.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(now.truncatedTo(ChronoUnit.DAYS).minus(d.getAsInt(), ChronoUnit.DAYS));
  }

  /**
   * Returns the instant before which an org's audit entries are deleted: the start of the UTC day
   * its plan's audit retention ({@link Tiers#auditRetentionDays}, never under 90 days) ago.
   *
   * @param org the org
   * @param now the current time
   * @return the cutoff; empty when the plan keeps the audit log forever
   */
  public Optional<Instant> auditCutoff(Org org, Instant now) {
    int days = Tiers.auditRetentionDays(org.plan());
    if (days <= 0) {
      return Optional.empty();
    }
    return Optional.of(now.truncatedTo(ChronoUnit.DAYS).minus(Math.max(days, 90), ChronoUnit.DAYS));
  }

  /**
   * Returns the instant before which usage records go: never within the current or previous
   * calendar month (quota and invoices read them), else the event cutoff.
   *
   * @param eventCutoff the org's event cutoff
   * @param now the current time
   * @return the usage cutoff
   */
  public static Instant usageCutoff(Instant eventCutoff, Instant now) {
    Instant prevMonth =
        now.atOffset(ZoneOffset.UTC)
            .withDayOfMonth(1)
            .truncatedTo(ChronoUnit.DAYS)
            .minusMonths(1)
            .toInstant();
    return eventCutoff.isBefore(prevMonth) ? eventCutoff : prevMonth;
  }
}
