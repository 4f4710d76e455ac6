package ai.agentlens.web.wiring;

import ai.agentlens.core.alerting.AlertCheckJob;
import ai.agentlens.core.health.SnapshotJob;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the alert checker (every {@code agentlens.alerts.check.interval}, default 60 s) and the
 * daily health snapshot job (every {@code agentlens.health.snapshots.interval}, default 1 h; it
 * writes once per agent and UTC day) on every worker instance; their leases let one instance work
 * at a time. Off on a cloud {@code gateway} ({@code agentlens.worker.enabled=false}), or each with
 * its own {@code ….enabled=false}. A failed run is logged and retried next time.
 */
@Singleton
@Requires(property = "agentlens.worker.enabled", notEquals = "false")
public class AlertSchedulers {

  private static final Logger LOG = LoggerFactory.getLogger(AlertSchedulers.class);

  private final AlertCheckJob alerts;
  private final SnapshotJob snapshots;
  private final boolean alertsOn;
  private final boolean snapshotsOn;

  AlertSchedulers(
      AlertCheckJob alerts,
      SnapshotJob snapshots,
      @io.micronaut.context.annotation.Value("${agentlens.alerts.check.enabled:true}")
          boolean alertsOn,
      @io.micronaut.context.annotation.Value("${agentlens.health.snapshots.enabled:true}")
          boolean snapshotsOn) {
    this.alerts = alerts;
    this.snapshots = snapshots;
    this.alertsOn = alertsOn;
    this.snapshotsOn = snapshotsOn;
  }

  @Scheduled(
      fixedDelay = "${agentlens.alerts.check.interval:60s}",
      initialDelay = "${agentlens.alerts.check.initial-delay:30s}")
  void checkAlerts() {
    if (!alertsOn) {
      return;
    }
    try {
      alerts.runOnce().ifPresent(f -> LOG.debug("alert check: {} rule(s) fired", f.size()));
    } catch (RuntimeException e) {
      LOG.warn("alert check failed, retried next run: {}", e.getMessage());
    }
  }

  @Scheduled(
      fixedDelay = "${agentlens.health.snapshots.interval:1h}",
      initialDelay = "${agentlens.health.snapshots.initial-delay:2m}")
  void snapshotHealth() {
    if (!snapshotsOn) {
      return;
    }
    try {
      snapshots.runOnce().ifPresent(n -> LOG.info("health snapshots: {} written", n));
    } catch (RuntimeException e) {
      LOG.warn("health snapshots failed, retried next run: {}", e.getMessage());
    }
  }
}
