package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.port.deletion.DeletionQueue;
import ai.agentlens.core.port.deletion.DeletionRequest;
import ai.agentlens.core.port.deletion.DeletionRequest.State;
import ai.agentlens.core.port.storage.RetentionPurge;
import ai.agentlens.core.retention.DeletionJob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The {@link DeletionQueue} contract, and the {@link DeletionJob} driven through it: a request is
 * idempotent until done, its state and attempts move as the job works, it is listed for the user
 * who asked and for nobody else, pending requests of every org are found (across tenants), an org's
 * data goes in batches while other orgs keep theirs, and a failed attempt is retried until done.
 */
public abstract class DeletionQueueContract extends StorageContract {

  private DeletionQueue queue() {
    return provider.deletionQueue();
  }

  private DeletionRequest orgRequest(String orgId, String userId) {
    return DeletionRequest.requested(id("del"), DeletionRequest.Kind.ORG, orgId, userId, now.get());
  }

  private DeletionJob job(RetentionPurge purge, List<String> gone) {
    return new DeletionJob(
        queue(),
        purge,
        stores.orgs(),
        stores.audit(),
        provider.jobLeases(),
        now::get,
        gone::add,
        id("inst"),
        3);
  }

  private List<String> pendingIds() {
    return queue().pending(10_000).stream().map(DeletionRequest::id).toList();
  }

  @Test
  void aRequestIsIdempotentUntilDoneAndItsStateMovesAsTheJobWorks() {
    Org org = newOrg();
    String owner = newUser().id();
    DeletionRequest first = queue().request(orgRequest(org.id(), owner));
    assertThat(first.state()).isEqualTo(State.REQUESTED);
    DeletionRequest again = queue().request(orgRequest(org.id(), owner));
    assertThat(again.id()).as("same open request").isEqualTo(first.id());
    assertThat(pendingIds()).containsOnlyOnce(first.id());

    queue().started(first, now.get());
    DeletionRequest started = queue().forOrg(org.id()).orElseThrow();
    assertThat(started.state()).isEqualTo(State.IN_PROGRESS);
    assertThat(started.attempts()).isEqualTo(1);

    queue().failed(first, "boom", now.get());
    DeletionRequest failed = queue().forOrg(org.id()).orElseThrow();
    assertThat(failed.state()).isEqualTo(State.FAILED);
    assertThat(failed.lastError()).isEqualTo("boom");
    assertThat(pendingIds()).as("failed stays pending").contains(first.id());

    queue().started(first, now.get());
    Instant finished = now.get().plusSeconds(5);
    queue().done(first, finished);
    DeletionRequest done = queue().forOrg(org.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(State.DONE);
    assertThat(done.attempts()).isEqualTo(2);
    assertThat(done.lastError()).isNull();
    assertThat(done.completedAt()).isEqualTo(finished);
    assertThat(pendingIds()).doesNotContain(first.id());

    DeletionRequest later = queue().request(orgRequest(org.id(), owner));
    assertThat(later.id()).as("a new request once the last is done").isNotEqualTo(first.id());
  }

  @Test
  void requestsAreListedForTheUserWhoAskedOnlyAndPendingOnesOfEveryOrgAreFound() throws Exception {
    Org a = newOrg();
    Org b = newOrg();
    String ownerA = newUser().id();
    String ownerB = newUser().id();
    DeletionRequest ra = queue().request(orgRequest(a.id(), ownerA));
    DeletionRequest rb = queue().request(orgRequest(b.id(), ownerB));
    DeletionRequest account =
        queue()
            .request(
                DeletionRequest.requested(
                    id("del"), DeletionRequest.Kind.ACCOUNT, null, ownerA, now.get()));

    assertThat(queue().byUser(ownerA))
        .extracting(DeletionRequest::id)
        .containsExactlyInAnyOrder(ra.id(), account.id());
    assertThat(queue().byUser(ownerB)).extracting(DeletionRequest::id).containsExactly(rb.id());
    assertThat(queue().byUser(newUser().id())).isEmpty();
    assertThat(queue().forOrg(b.id()).orElseThrow().id()).isEqualTo(rb.id());
    assertThat(pendingIds()).contains(ra.id(), rb.id(), account.id());
    // the database itself shows one org's requests only to that org
    assertThat(rawCount(a.id(), "deletion_requests")).isEqualTo(1);
  }

  @Test
  void theJobDeletesAnOrgsDataInBatchesAndOtherOrgsKeepTheirs() throws Exception {
    Org doomed = newOrg();
    Org kept = newOrg();
    String owner = newUser().id();
    for (Org o : List.of(doomed, kept)) {
      List<Event> events = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        events.add(custom(o.id(), "s-" + (i % 3)));
      }
      stores.events().append(batch(o.id(), events));
    }
    DeletionRequest r = queue().request(orgRequest(doomed.id(), owner));
    List<String> gone = new ArrayList<>();
    CountingPurge counting = new CountingPurge(provider.retentionPurge(), null);

    DeletionJob.Result result = job(counting, gone).runOnce().orElseThrow();

    assertThat(result.done()).isGreaterThanOrEqualTo(1);
    assertThat(counting.batches.get()).as("batches of 3 events").isGreaterThanOrEqualTo(4);
    assertThat(stores.orgs().find(doomed.id())).isEmpty();
    assertThat(rawCount(doomed.id(), "events")).isZero();
    assertThat(rawCount(doomed.id(), "sessions")).isZero();
    assertThat(rawCount(doomed.id(), "agents")).isZero();
    assertThat(rawCount(doomed.id(), "usage_records")).isZero();
    assertThat(gone).contains(doomed.id());
    DeletionRequest after =
        queue().byUser(owner).stream().filter(x -> x.id().equals(r.id())).findFirst().orElseThrow();
    assertThat(after.state()).isEqualTo(State.DONE);
    assertThat(after.attempts()).isEqualTo(1);
    assertThat(rawCount(kept.id(), "events")).isEqualTo(10);
    assertThat(stores.orgs().find(kept.id())).isPresent();
  }

  @Test
  void aFailedAttemptIsRetriedAtTheNextRunUntilDone() throws Exception {
    Org doomed = newOrg();
    String owner = newUser().id();
    stores.events().append(batch(doomed.id(), List.of(custom(doomed.id(), "s"))));
    DeletionRequest r = queue().request(orgRequest(doomed.id(), owner));
    CountingPurge failingOnce = new CountingPurge(provider.retentionPurge(), doomed.id());

    job(failingOnce, new ArrayList<>()).runOnce().orElseThrow();
    DeletionRequest failed = mine(owner, r.id());
    assertThat(failed.state()).isEqualTo(State.FAILED);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).contains("injected");
    assertThat(stores.orgs().find(doomed.id())).isPresent();

    job(failingOnce, new ArrayList<>()).runOnce().orElseThrow();
    DeletionRequest done = mine(owner, r.id());
    assertThat(done.state()).isEqualTo(State.DONE);
    assertThat(done.attempts()).isEqualTo(2);
    assertThat(stores.orgs().find(doomed.id())).isEmpty();
  }

  @Test
  void theJobDoesNotRunWhileAnotherInstanceHoldsItsLease() {
    Org doomed = newOrg();
    String owner = newUser().id();
    DeletionRequest r = queue().request(orgRequest(doomed.id(), owner));
    assertThat(provider.jobLeases().acquire(DeletionJob.JOB, "other", Duration.ofMinutes(5)))
        .isTrue();
    try {
      assertThat(job(provider.retentionPurge(), new ArrayList<>()).runOnce()).isEmpty();
      assertThat(mine(owner, r.id()).state()).isEqualTo(State.REQUESTED);
    } finally {
      provider.jobLeases().release(DeletionJob.JOB, "other");
    }
    job(provider.retentionPurge(), new ArrayList<>()).runOnce().orElseThrow();
    assertThat(mine(owner, r.id()).state()).isEqualTo(State.DONE);
  }

  private DeletionRequest mine(String user, String id) {
    return queue().byUser(user).stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
  }

  /**
   * Counts an org's rows through the raw database, as the application's user scoped to the org.
   *
   * @param org the org
   * @param table the table
   * @return the count
   * @throws Exception when the database fails
   */
  protected long rawCount(String org, String table) throws Exception {
    try (Connection c = opened.raw().connect()) {
      c.setAutoCommit(false);
      opened.raw().scopeToOrg(c, org);
      try (PreparedStatement ps =
          c.prepareStatement("select count(*) from " + table + " where org_id = ?")) {
        ps.setString(1, org);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          long n = rs.getLong(1);
          c.rollback();
          return n;
        }
      }
    }
  }

  /** The storage's purge, counting event batches and failing one org's first call once. */
  private static final class CountingPurge implements RetentionPurge {
    private final RetentionPurge delegate;
    private final String failOrg;
    private final AtomicInteger batches = new AtomicInteger();
    private boolean failed;

    CountingPurge(RetentionPurge delegate, String failOrg) {
      this.delegate = delegate;
      this.failOrg = failOrg;
    }

    @Override
    public List<String> orgIds() {
      return delegate.orgIds();
    }

    @Override
    public int purgeEvents(String orgId, Instant cutoff, int batchSize) {
      batches.incrementAndGet();
      if (orgId.equals(failOrg) && !failed) {
        failed = true;
        throw new IllegalStateException("injected failure");
      }
      return delegate.purgeEvents(orgId, cutoff, batchSize);
    }

    @Override
    public long purgeDerived(String orgId, Instant cutoff, Instant usageCutoff) {
      return delegate.purgeDerived(orgId, cutoff, usageCutoff);
    }

    @Override
    public int purgeAudit(String orgId, Instant cutoff, int batchSize) {
      return delegate.purgeAudit(orgId, cutoff, batchSize);
    }

    @Override
    public OptionalLong purgePoint(String orgId, String sessionId) {
      return delegate.purgePoint(orgId, sessionId);
    }

    @Override
    public int dropPartitionsBefore(Instant cutoff) {
      return delegate.dropPartitionsBefore(cutoff);
    }

    @Override
    public long reclaimSpace() {
      return delegate.reclaimSpace();
    }
  }
}
