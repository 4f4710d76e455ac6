package ai.agentlens.core.alerting;

import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.alert.AlertFiring;
import ai.agentlens.core.alert.AlertMeasurement;
import ai.agentlens.core.alert.AlertRule;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.alerting.AlertHistory;
import ai.agentlens.core.port.alerting.AlertMetrics;
import ai.agentlens.core.port.alerting.AlertRuleStore;
import ai.agentlens.core.port.storage.JobLeases;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The alert checker (reference §4.3.9): under the {@value #JOB} lease, so one instance runs it at a
 * time, every enabled rule of every org is measured over [now − window, now); a rule whose value
 * exceeds its threshold (or, for {@code no_events_for}, that saw no event) fires unless it already
 * fired within its own window. A firing is delivered to each notify channel (failures are recorded,
 * never thrown), appended to the history and audited as {@code alert.fired}.
 */
public final class AlertCheckJob {

  /** The lease name. */
  public static final String JOB = "alert-check";

  /** How long the lease holds without renewal. */
  public static final Duration LEASE = Duration.ofMinutes(5);

  private final Supplier<List<String>> orgIds;
  private final AlertRuleStore rules;
  private final AlertHistory history;
  private final AlertMetrics metrics;
  private final ChannelDelivery notifier;
  private final AlertAudit audit;
  private final JobLeases leases;
  private final Clock clock;
  private final Supplier<String> ids;
  private final String owner;

  /**
   * Creates the job.
   *
   * @param orgIds every org's id
   * @param rules the rules
   * @param history the firings
   * @param metrics window measurements
   * @param notifier channel delivery
   * @param audit the audit trail
   * @param leases job leases
   * @param clock the time
   * @param ids new ids
   * @param owner this instance's unique id
   */
  public AlertCheckJob(
      Supplier<List<String>> orgIds,
      AlertRuleStore rules,
      AlertHistory history,
      AlertMetrics metrics,
      ChannelDelivery notifier,
      AlertAudit audit,
      JobLeases leases,
      Clock clock,
      Supplier<String> ids,
      String owner) {
    this.orgIds = orgIds;
    this.rules = rules;
    this.history = history;
    this.metrics = metrics;
    this.notifier = notifier;
    this.audit = audit;
    this.leases = leases;
    this.clock = clock;
    this.ids = ids;
    this.owner = owner;
  }

  /**
   * Checks every enabled rule once if this instance gets the lease.
   *
   * @return the firings of this run; empty when another instance holds the lease
   */
  public Optional<List<AlertFiring>> runOnce() {
    if (!leases.acquire(JOB, owner, LEASE)) {
      return Optional.empty();
    }
    try {
      List<AlertFiring> fired = new ArrayList<>();
      for (String org : orgIds.get()) {
        for (AlertRule rule : rules.list(org, true)) {
          check(org, rule).ifPresent(fired::add);
        }
      }
      return Optional.of(fired);
    } finally {
      leases.release(JOB, owner);
    }
  }

  private Optional<AlertFiring> check(String org, AlertRule rule) {
    AlertRule.AlertSpec s = rule.spec();
    Instant now = clock.now().truncatedTo(ChronoUnit.MICROS);
    Instant from = now.minus(Duration.ofMinutes(s.windowMinutes()));
    Optional<Instant> last = history.lastFired(org, rule.id());
    if (last.isPresent() && last.get().isAfter(from)) {
      return Optional.empty();
    }
    AlertMeasurement m = metrics.measure(org, s.agentId(), s.tags(), from, now);
    if (!m.triggers(s.condition(), s.threshold())) {
      return Optional.empty();
    }
    AlertFiring bare =
        new AlertFiring(
            ids.get(),
            rule.id(),
            s.name(),
            s.condition(),
            m.value(s.condition()),
            s.threshold(),
            from,
            now,
            List.of());
    List<AlertFiring.Delivery> out = new ArrayList<>();
    for (String channel : s.notifyChannels()) {
      out.add(notifier.deliver(channel, rule, bare));
    }
    AlertFiring firing =
        new AlertFiring(
            bare.id(),
            bare.ruleId(),
            bare.ruleName(),
            bare.condition(),
            bare.value(),
            bare.threshold(),
            from,
            now,
            out);
    history.append(org, firing);
    long failed = out.stream().filter(d -> !d.ok()).count();
    audit.append(
        org,
        AlertAudit.CHECKER,
        "alert.fired",
        rule.id(),
        failed == 0 ? AuditResult.SUCCESS : AuditResult.FAILURE,
        Map.of(
            "condition", s.condition().wireName(),
            "value", Double.toString(firing.value()),
            "threshold", Double.toString(s.threshold()),
            "deliveriesFailed", Long.toString(failed)));
    return Optional.of(firing);
  }
}
