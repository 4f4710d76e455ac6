package ai.agentlens.web.wiring;

import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.JobLeases;
import ai.agentlens.core.port.storage.RetentionPurge;
import ai.agentlens.core.port.storage.Stores;
import ai.agentlens.core.retention.PurgeJob;
import ai.agentlens.core.retention.PurgePacer;
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
  private final Clock clock;
  private final RetentionPolicy policy;
  private final java.time.Instant firstRun;
  private final java.time.Duration interval;
  private volatile java.time.Instant lastRun;

  RetentionScheduler(
      Stores stores,
      RetentionPurge purge,
      JobLeases leases,
      Clock clock,
      @Nullable @Value("${agentlens.retention.days}") Integer selfHostedDays,
      @Value("${agentlens.retention.purge.batch-size:1000}") int batchSize,
      @Value("${agentlens.retention.purge.max-share:0.2}") double maxShare,
      @Value("${agentlens.retention.purge.interval:24h}") java.time.Duration interval,
      @Value("${agentlens.retention.purge.initial-delay:10m}") java.time.Duration initialDelay) {
    this.clock = clock;
    this.interval = interval;
    this.firstRun = clock.now().plus(initialDelay);
    this.policy =
        new RetentionPolicy(
            selfHostedDays == null ? OptionalInt.empty() : OptionalInt.of(selfHostedDays));
    this.job =
        new PurgeJob(
            stores.orgs(),
            purge,
            leases,
            clock,
            policy,
            "instance-" + UUID.randomUUID(),
            batchSize,
            PurgePacer.of(maxShare));
  }

  @Scheduled(
      fixedDelay = "${agentlens.retention.purge.interval:24h}",
      initialDelay = "${agentlens.retention.purge.initial-delay:10m}")
  void purge() {
    lastRun = clock.now();
    try {
      job.runOnce()
          .ifPresentOrElse(
              r -> LOG.info("retention purge: {}", r),
              () -> LOG.debug("retention purge: another instance holds the lease"));
    } catch (RuntimeException e) {
      LOG.warn("retention purge failed, retried next run: {}", e.getMessage());
    }
  }

  /**
   * Returns when this instance last started a purge run (whether or not it held the lease).
   *
   * @return the time, or empty before the first run
   */
  public java.util.Optional<java.time.Instant> lastRun() {
    return java.util.Optional.ofNullable(lastRun);
  }

  /**
   * Returns when this instance starts its next purge run.
   *
   * @return the time
   */
  public java.time.Instant nextRun() {
    java.time.Instant last = lastRun;
    return last == null ? firstRun : last.plus(interval);
  }

  /**
   * Returns the retention policy the purge applies.
   *
   * @return the policy
   */
  public RetentionPolicy policy() {
    return policy;
  }
}
