package ai.agentlens.core.retention;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.JobLeases;
import ai.agentlens.core.port.storage.OrgStore;
import ai.agentlens.core.port.storage.RetentionPurge;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The daily retention purge (issue 15): under the {@value #JOB} lease, so one instance runs it, it
 * deletes each org's events older than its {@link RetentionPolicy} window in bounded batches (one
 * short transaction each, so ingestion keeps going), then the rows derived from them, then drops
 * event partitions past every org's window and gives the space back. The lease is renewed after
 * every batch, and a {@link PurgePacer} pauses between batches so the purge takes only its share of
 * the database's time. It also deletes audit entries older than the org's plan keeps its audit log
 * ({@link RetentionPolicy#auditCutoff}, PC-16), the only deletion of audit entries there is.
 */
public final class PurgeJob {

  /** The lease name. */
  public static final String JOB = "retention-purge";

  /** How long the lease holds without renewal. */
  public static final Duration LEASE = Duration.ofMinutes(10);

  private final OrgStore orgs;
  private final RetentionPurge purge;
  private final JobLeases leases;
  private final Clock clock;
  private final RetentionPolicy policy;
  private final String owner;
  private final int batchSize;
  private final PurgePacer pacer;

  /**
   * Creates the job.
   *
   * @param orgs the orgs (plan and settings)
   * @param purge the storage's purge
   * @param leases the job leases
   * @param clock the time
   * @param policy the retention windows
   * @param owner this instance's unique id
   * @param batchSize events per delete transaction, &gt; 0
   */
  public PurgeJob(
      OrgStore orgs,
      RetentionPurge purge,
      JobLeases leases,
      Clock clock,
      RetentionPolicy policy,
      String owner,
      int batchSize) {
    this(orgs, purge, leases, clock, policy, owner, batchSize, PurgePacer.NONE);
  }

  /**
   * Creates the job, paced.
   *
   * @param orgs the orgs (plan and settings)
   * @param purge the storage's purge
   * @param leases the job leases
   * @param clock the time
   * @param policy the retention windows
   * @param owner this instance's unique id
   * @param batchSize events per delete transaction, &gt; 0
   * @param pacer the pause after each batch
   */
  public PurgeJob(
      OrgStore orgs,
      RetentionPurge purge,
      JobLeases leases,
      Clock clock,
      RetentionPolicy policy,
      String owner,
      int batchSize,
      PurgePacer pacer) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be > 0");
    }
    this.orgs = orgs;
    this.purge = purge;
    this.leases = leases;
    this.clock = clock;
    this.policy = policy;
    this.owner = owner;
    this.batchSize = batchSize;
    this.pacer = pacer;
  }

  /**
   * Runs one purge if this instance gets the lease.
   *
   * @return what was done; empty when another instance holds the lease
   */
  public Optional<PurgeReport> runOnce() {
    if (!leases.acquire(JOB, owner, LEASE)) {
      return Optional.empty();
    }
    try {
      return Optional.of(run());
    } finally {
      leases.release(JOB, owner);
    }
  }

  private PurgeReport run() {
    Instant now = clock.now();
    Instant earliest = null;
    boolean everyOrgLimited = true;
    int applied = 0;
    long events = 0;
    long derived = 0;
    long audit = 0;
    for (String id : purge.orgIds()) {
      Optional<Org> org = orgs.find(id);
      Optional<Instant> auditCutoff = org.flatMap(o -> policy.auditCutoff(o, now));
      if (auditCutoff.isPresent()) {
        int n;
        do {
          long t = pacer.start();
          n = purge.purgeAudit(id, auditCutoff.get(), batchSize);
          audit += n;
          renew();
          pacer.after(t);
        } while (n == batchSize);
      }
      Optional<Instant> cutoff = org.flatMap(o -> policy.cutoff(o, now));
      if (cutoff.isEmpty()) {
        everyOrgLimited = false;
        continue;
      }
      Instant c = cutoff.get();
      earliest = earliest == null || c.isBefore(earliest) ? c : earliest;
      int n;
      do {
        long t = pacer.start();
        n = purge.purgeEvents(id, c, batchSize);
        events += n;
        renew();
        pacer.after(t);
      } while (n == batchSize);
      derived += purge.purgeDerived(id, c, RetentionPolicy.usageCutoff(c, now));
      applied++;
    }
    int dropped = 0;
    if (everyOrgLimited && earliest != null) {
      dropped = purge.dropPartitionsBefore(earliest);
    }
    long pages = purge.reclaimSpace();
    return new PurgeReport(applied, events, derived, dropped, pages, audit);
  }

  private void renew() {
    if (!leases.acquire(JOB, owner, LEASE)) {
      throw new IllegalStateException("purge lease lost to another instance");
    }
  }
}
