package ai.agentlens.web.wiring;

import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.JobLeases;
import ai.agentlens.core.port.storage.RetentionPurge;
import ai.agentlens.core.port.storage.Stores;
import ai.agentlens.core.retention.PurgeJob;
import ai.agentlens.core.retention.RetentionPolicy;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.OptionalInt;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the retention {@link PurgeJob} periodically (daily by default) on every instance; the job's
 * lease lets one of them work at a time. Off with {@code agentlens.retention.purge.enabled} =
 * false.
 */
@Singleton
@Requires(beans = RetentionPurge.class)
@Requires(property = "agentlens.retention.purge.enabled", notEquals = "false")
public class RetentionScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionScheduler.class);

  private final PurgeJob job;

  RetentionScheduler(
      Stores stores,
      RetentionPurge purge,
      JobLeases leases,
      Clock clock,
      @Nullable @Value("${agentlens.retention.days}") Integer selfHostedDays,
      @Value("${agentlens.retention.purge.batch-size:1000}") int batchSize) {
    this.job =
        new PurgeJob(
            stores.orgs(),
            purge,
            leases,
            clock,
            new RetentionPolicy(
                selfHostedDays == null ? OptionalInt.empty() : OptionalInt.of(selfHostedDays)),
            "instance-" + UUID.randomUUID(),
            batchSize);
  }

  @Scheduled(
      fixedDelay = "${agentlens.retention.purge.interval:24h}",
      initialDelay = "${agentlens.retention.purge.initial-delay:10m}")
  void purge() {
    try {
      job.runOnce()
          .ifPresentOrElse(
              r -> LOG.info("retention purge: {}", r),
              () -> LOG.debug("retention purge: another instance holds the lease"));
    } catch (RuntimeException e) {
      LOG.warn("retention purge failed, retried next run: {}", e.getMessage());
    }
  }
}
