package ai.agentlens.core.retention;

import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.deletion.DeletionQueue;
import ai.agentlens.core.port.deletion.DeletionRequest;
import ai.agentlens.core.port.storage.AuditLog;
import ai.agentlens.core.port.storage.JobLeases;
import ai.agentlens.core.port.storage.OrgStore;
import ai.agentlens.core.port.storage.RetentionPurge;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Works through the {@link DeletionQueue} (FR-71, FR-72, PC-11) under the {@value #JOB} lease, so
 * one instance runs it: an org's events go in bounded batches (one short transaction each, as the
 * retention purge does), then its derived rows, then every other row of it and the org itself; a
 * deleted account's audit entries are anonymized. A request that fails stays pending and is started
 * again at the next run, so every request is retried until done. Runs far more often than the daily
 * purge (hourly by default), which keeps every deletion well inside 24 hours.
 */
public final class DeletionJob {

  /** The lease name. */
  public static final String JOB = "deletion-queue";

  /** How long the lease holds without renewal. */
  public static final Duration LEASE = Duration.ofMinutes(10);

  /** Requests taken per run. */
  static final int PER_RUN = 100;

  /** A cutoff after every event's time: all of an org's events go. */
  static final Instant END = Instant.parse("9999-01-01T00:00:00Z");

  /**
   * What one run did.
   *
   * @param done requests finished
   * @param failed requests whose attempt failed (retried next run)
   */
  public record Result(int done, int failed) {}

  private final DeletionQueue queue;
  private final RetentionPurge purge;
  private final OrgStore orgs;
  private final AuditLog audit;
  private final JobLeases leases;
  private final Clock clock;
  private final Consumer<String> orgGone;
  private final String owner;
  private final int batchSize;

  /**
   * Creates the job.
   *
   * @param queue the deletion queue
   * @param purge the storage's batched deletes
   * @param orgs the orgs (the last step deletes the org and its remaining rows)
   * @param audit the audit log (anonymization of deleted accounts)
   * @param leases the job leases
   * @param clock the time
   * @param orgGone told of each org deleted (e.g. to drop cached org rules)
   * @param owner this instance's unique id
   * @param batchSize events per delete transaction, &gt; 0
   */
  public DeletionJob(
      DeletionQueue queue,
      RetentionPurge purge,
      OrgStore orgs,
      AuditLog audit,
      JobLeases leases,
      Clock clock,
      Consumer<String> orgGone,
      String owner,
      int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be > 0");
    }
    this.queue = queue;
    this.purge = purge;
    this.orgs = orgs;
    this.audit = audit;
    this.leases = leases;
    this.clock = clock;
    this.orgGone = orgGone;
    this.owner = owner;
    this.batchSize = batchSize;
  }

  /**
   * Works through the pending requests if this instance gets the lease.
   *
   * @return what was done; empty when another instance holds the lease
   */
  public Optional<Result> runOnce() {
    if (!leases.acquire(JOB, owner, LEASE)) {
      return Optional.empty();
    }
    try {
      int done = 0;
      int failed = 0;
      for (DeletionRequest r : queue.pending(PER_RUN)) {
        queue.started(r, clock.now());
        try {
          execute(r);
          queue.done(r, clock.now());
          done++;
        } catch (RuntimeException e) {
          queue.failed(r, message(e), clock.now());
          failed++;
        }
        renew();
      }
      return Optional.of(new Result(done, failed));
    } finally {
      leases.release(JOB, owner);
    }
  }

  private void execute(DeletionRequest r) {
    switch (r.kind()) {
      case ORG -> deleteOrg(r.orgId());
      case ACCOUNT -> audit.anonymizeActor(r.userId(), clock.now());
      default -> throw new IllegalStateException("unknown kind " + r.kind());
    }
  }

  private void deleteOrg(String orgId) {
    int n;
    do {
      n = purge.purgeEvents(orgId, END, batchSize);
      renew();
    } while (n == batchSize);
    purge.purgeDerived(orgId, END, END);
    orgs.delete(orgId);
    orgGone.accept(orgId);
  }

  private void renew() {
    if (!leases.acquire(JOB, owner, LEASE)) {
      throw new IllegalStateException("deletion lease lost to another instance");
    }
  }

  private static String message(RuntimeException e) {
    String m = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    return m.length() > 500 ? m.substring(0, 500) : m;
  }
}
