package ai.agentlens.web.wiring;

import ai.agentlens.core.incident.AnomalyJob;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.incident.IncidentStores;
import ai.agentlens.core.port.storage.JobLeases;
import ai.agentlens.core.port.storage.RetentionPurge;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the hourly {@link AnomalyJob} (it checks every {@code agentlens.incidents.anomaly.interval},
 * default 5 minutes, and scans each UTC hour once; the job's lease keeps it to one instance). Off
 * with {@code agentlens.incidents.anomaly.enabled} = false, and on a cloud {@code gateway}.
 */
@Singleton
@Requires(beans = JobLeases.class)
@Requires(property = "agentlens.incidents.anomaly.enabled", notEquals = "false")
@Requires(property = "agentlens.worker.enabled", notEquals = "false")
public class AnomalyScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(AnomalyScheduler.class);

  private final AnomalyJob job;

  AnomalyScheduler(
      IncidentStores stores,
      ai.agentlens.core.port.incident.IncidentStore incidents,
      RetentionPurge orgs,
      JobLeases leases,
      Clock clock,
      @Value("${agentlens.incidents.anomaly.min-events:20}") long minEvents) {
    this.job =
        new AnomalyJob(
            orgs::orgIds,
            stores.hourly(),
            incidents,
            leases,
            clock,
            IncidentBeans::ulid,
            "instance-" + UUID.randomUUID(),
            minEvents);
  }

  @Scheduled(
      fixedDelay = "${agentlens.incidents.anomaly.interval:5m}",
      initialDelay = "${agentlens.incidents.anomaly.initial-delay:1m}")
  void scan() {
    try {
      job.runOnce()
          .ifPresent(l -> LOG.debug("anomaly scan: {} incidents opened or updated", l.size()));
    } catch (RuntimeException e) {
      LOG.warn("anomaly scan failed, retried next run: {}", e.getMessage());
    }
  }
}
