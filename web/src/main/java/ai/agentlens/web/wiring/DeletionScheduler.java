package ai.agentlens.web.wiring;

import ai.agentlens.core.account.OrgDirectory;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.deletion.DeletionQueue;
import ai.agentlens.core.port.storage.JobLeases;
import ai.agentlens.core.port.storage.RetentionPurge;
import ai.agentlens.core.port.storage.Stores;
import ai.agentlens.core.retention.DeletionJob;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link DeletionJob} periodically (hourly by default, so a deletion is done well within
 * 24 hours) on every instance; the job's lease lets one of them work at a time. Off with {@code
 * agentlens.deletions.enabled} = false.
 */
@Singleton
@Requires(beans = {DeletionQueue.class, RetentionPurge.class})
@Requires(property = "agentlens.deletions.enabled", notEquals = "false")
public class DeletionScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(DeletionScheduler.class);

  private final DeletionJob job;

  DeletionScheduler(
      Stores stores,
      DeletionQueue queue,
      RetentionPurge purge,
      JobLeases leases,
      Clock clock,
      OrgDirectory directory,
      @Value("${agentlens.retention.purge.batch-size:1000}") int batchSize) {
    this.job =
        new DeletionJob(
            queue,
            purge,
            stores.orgs(),
            stores.audit(),
            leases,
            clock,
            directory::invalidate,
            "instance-" + UUID.randomUUID(),
            batchSize);
  }

  @Scheduled(
      fixedDelay = "${agentlens.deletions.interval:1h}",
      initialDelay = "${agentlens.deletions.initial-delay:1m}")
  void work() {
    try {
      job.runOnce()
          .ifPresentOrElse(
              r -> {
                if (r.done() + r.failed() > 0) {
                  LOG.info(
                      "deletion queue: {} done, {} failed (retried next run)",
                      r.done(),
                      r.failed());
                }
              },
              () -> LOG.debug("deletion queue: another instance holds the lease"));
    } catch (RuntimeException e) {
      LOG.warn("deletion queue run failed, retried next run: {}", e.getMessage());
    }
  }
}
