package ai.agentlens.core.port.storage;

import java.time.Duration;

/**
 * Named leases so that exactly one instance runs a periodic job at a time (DESIGN: one scheduler
 * with a lease). A lease belongs to one owner until it expires; the holder renews it by acquiring
 * again. Atomic on every backend (a conditional update): of many concurrent {@link #acquire} calls
 * for a free or expired lease exactly one returns {@code true}. Not tenant-scoped. Errors: {@link
 * ai.agentlens.core.error.StorageUnavailableException} only.
 */
public interface JobLeases {

  /**
   * Takes or renews the lease of a job.
   *
   * @param job the job's name
   * @param owner the caller's unique instance id
   * @param ttl how long the lease holds from now (the store's clock)
   * @return {@code true} when the caller holds the lease until now + ttl; {@code false} when
   *     another owner holds an unexpired lease
   */
  boolean acquire(String job, String owner, Duration ttl);

  /**
   * Gives the lease up if the caller holds it; otherwise does nothing.
   *
   * @param job the job's name
   * @param owner the caller's instance id
   */
  void release(String job, String owner);
}
