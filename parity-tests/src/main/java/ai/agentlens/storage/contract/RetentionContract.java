package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.storage.JobLeases;
import ai.agentlens.core.retention.PurgeJob;
import ai.agentlens.core.retention.PurgeReport;
import ai.agentlens.core.retention.RetentionPolicy;
import ai.agentlens.storage.spi.StorageCapability;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The {@link ai.agentlens.core.port.storage.RetentionPurge} and {@link JobLeases} contract, driven
 * through the {@link PurgeJob} use case with the suite's settable clock: rows older than an org's
 * window disappear from every table (events, sessions, agents, roll-ups, usage), newer rows and
 * other orgs' rows stay, a partly purged session records its first kept sequence, appends running
 * during a purge lose nothing, one lease has one holder, and partitions past every window are
 * dropped where the backend partitions events.
 */
public abstract class RetentionContract extends StorageContract {

  /** "Now" of these tests: 2026-03-14T15:09Z; a Pro org (30 days) keeps from 2026-02-12. */
  private static final Instant OLD = Instant.parse("2026-01-10T08:00:00Z");

  private static final Instant NEW = Instant.parse("2026-03-10T08:00:00Z");

  private static final String[] TABLES = {
    "events", "sessions", "agents", "usage_records", "rollup_hourly", "rollup_daily"
  };

  /**
   * Returns the job of this suite with a fresh owner name.
   *
   * @param owner the instance id
   * @param batch events per delete transaction
   * @return the job
   */
  protected PurgeJob job(String owner, int batch) {
    return new PurgeJob(
        stores.orgs(),
        provider.retentionPurge(),
        provider.jobLeases(),
        now::get,
        new RetentionPolicy(OptionalInt.empty()),
        owner,
        batch);
  }

  @Test
  void olderThanTheWindowGoesFromEveryTableAndNewerStays() throws Exception {
    Instant start = now.get();
    try {
      Org pro = newOrg();
      Org ent = org(Plan.ENTERPRISE, 365);
      for (Org o : List.of(pro, ent)) {
        now.set(OLD);
        append(o.id(), "s-mixed", "agent-kept", OLD, 3);
        append(o.id(), "s-old", "agent-gone", OLD.minus(5, ChronoUnit.DAYS), 2);
        now.set(NEW);
        append(o.id(), "s-mixed", "agent-kept", NEW, 2);
      }
      for (Instant at : List.of(OLD, NEW)) {
        provider
            .llmRequests()
            .recordCall(
                new ai.agentlens.core.port.llm.LlmCallWrite(
                    pro.id(), "llm-" + at, "call-" + at, "a", "s", "p", "m", "text", at, "api"));
      }
      for (String session : List.of("s-old", "s-mixed")) {
        provider.memory().summaries().upsert(summary(pro.id(), session));
      }
      now.set(start);
      long entBefore = count(ent.id(), "events");
      PurgeReport report = job(id("inst"), 2).runOnce().orElseThrow();

      assertThat(report.events()).isGreaterThanOrEqualTo(5);
      assertThat(count(pro.id(), "events")).isEqualTo(2);
      assertThat(count(pro.id(), "events where ts < ?", Instant.parse("2026-02-12T00:00:00Z")))
          .isZero();
      assertThat(count(pro.id(), "sessions")).isEqualTo(1);
      assertThat(stores.sessions().find(pro.id(), "s-mixed")).isPresent();
      assertThat(provider.memory().summaries().find(pro.id(), "s-old"))
          .as("the summary of a purged session goes with it")
          .isEmpty();
      assertThat(provider.memory().summaries().find(pro.id(), "s-mixed")).isPresent();
      assertThat(count(pro.id(), "agents")).isEqualTo(1);
      assertThat(count(pro.id(), "usage_records where hour < ?", NEW.minus(30, ChronoUnit.DAYS)))
          .isZero();
      assertThat(count(pro.id(), "usage_records")).isPositive();
      for (String rollup : new String[] {"rollup_hourly", "rollup_daily"}) {
        assertThat(count(pro.id(), rollup + " where bucket < ?", NEW.minus(1, ChronoUnit.DAYS)))
            .as(rollup)
            .isZero();
        assertThat(count(pro.id(), rollup)).as(rollup).isPositive();
      }
      assertThat(provider.llmRequests().find(pro.id(), "llm-" + OLD)).isEmpty();
      assertThat(provider.llmRequests().find(pro.id(), "llm-" + NEW)).isPresent();
      assertThat(provider.retentionPurge().purgePoint(pro.id(), "s-mixed")).hasValue(4);
      assertThat(stores.events().timeline(pro.id(), "s-mixed", 0, 100))
          .extracting(Event::sequence)
          .containsExactly(4L, 5L);
      // the kept part of the chain verifies from the purge point ("verified from #4")
      ai.agentlens.core.read.Timeline kept =
          new ai.agentlens.core.read.SessionTimeline(
                  stores.events(), 1000, provider.retentionPurge()::purgePoint)
              .read(pro.id(), "s-mixed", 0, 100)
              .orElseThrow();
      assertThat(kept.chain().valid()).as(kept.chain().toString()).isTrue();
      assertThat(kept.verifiedFrom()).isEqualTo(4);
      assertThat(
              new ai.agentlens.core.read.SessionTimeline(stores.events())
                  .read(pro.id(), "s-mixed", 0, 100)
                  .orElseThrow()
                  .chain()
                  .valid())
          .as("without the purge point the kept events do not verify from #1")
          .isFalse();
      // and so does the audit verification (GET /api/audit/verify)
      ai.agentlens.core.audit.VerificationReport verification =
          new ai.agentlens.core.audit.AuditVerifier(
                  stores.events(),
                  now::get,
                  new ai.agentlens.core.audit.ReportSigner(new byte[32]),
                  Duration.ofMinutes(1),
                  provider.retentionPurge()::purgePoint)
              .session(pro.id(), "s-mixed", e -> {})
              .orElseThrow();
      assertThat(verification.brokenChains()).isEmpty();
      assertThat(verification.verified()).isTrue();

      // the Enterprise org keeps a year: nothing of it went
      assertThat(count(ent.id(), "events")).isEqualTo(entBefore);
      for (String t : TABLES) {
        assertThat(count(ent.id(), t)).as(t).isPositive();
      }
      assertThat(provider.retentionPurge().purgePoint(ent.id(), "s-mixed")).isEmpty();

      // idempotent: a second run finds nothing more of these orgs
      job(id("inst"), 2).runOnce().orElseThrow();
      assertThat(count(pro.id(), "events")).isEqualTo(2);
    } finally {
      now.set(start);
    }
  }

  @Test
  void auditEntriesPastThePlansAuditRetentionGoAndNewerOnesStay() throws Exception {
    // "now" is 2026-03-14: Free keeps its audit log 90 days (from 2025-12-14), Pro 180 days (from
    // 2025-09-15), Enterprise 365 days (from 2025-03-14)
    Org free = org(Plan.FREE, 7);
    Org pro = org(Plan.PRO, 30);
    Org ent = org(Plan.ENTERPRISE, 365);
    Instant[] at = {
      Instant.parse("2025-06-01T10:00:00Z"),
      Instant.parse("2025-11-01T10:00:00Z"),
      Instant.parse("2026-01-20T10:00:00Z")
    };
    for (Org o : List.of(free, pro, ent)) {
      for (Instant t : at) {
        stores
            .audit()
            .append(
                new ai.agentlens.core.account.model.AuditEntry(
                    id("aud"),
                    o.id(),
                    t,
                    ai.agentlens.core.account.model.ActorType.SYSTEM,
                    "system",
                    "org.settings_change",
                    "org",
                    o.id(),
                    null,
                    ai.agentlens.core.account.model.AuditResult.SUCCESS,
                    "{}"));
      }
    }
    PurgeReport report = job(id("inst"), 1).runOnce().orElseThrow();

    assertThat(report.auditEntries()).isGreaterThanOrEqualTo(3);
    assertThat(count(free.id(), "audit_log")).as("Free keeps 90 days").isEqualTo(1);
    assertThat(count(free.id(), "audit_log where occurred_at < ?", at[2])).isZero();
    assertThat(count(pro.id(), "audit_log")).as("Pro keeps 180 days").isEqualTo(2);
    assertThat(count(pro.id(), "audit_log where occurred_at < ?", at[1])).isZero();
    assertThat(count(ent.id(), "audit_log")).as("Enterprise keeps a year").isEqualTo(3);
    // the log stays append-only for everything but the purge
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> {
                  try (Connection c = opened.raw().connect()) {
                    c.setAutoCommit(false);
                    opened.raw().scopeToOrg(c, ent.id());
                    try (PreparedStatement ps =
                        c.prepareStatement("delete from audit_log where org_id = ?")) {
                      ps.setString(1, ent.id());
                      ps.executeUpdate();
                    } finally {
                      c.rollback();
                    }
                  }
                }))
        .isInstanceOf(java.sql.SQLException.class);
    assertThat(count(ent.id(), "audit_log")).isEqualTo(3);
  }

  @Test
  void appendsDuringAPurgeLoseNothing() throws Exception {
    Org org = newOrg();
    int old = 1_200;
    List<Event> backlog = new ArrayList<>();
    for (int i = 0; i < old; i++) {
      backlog.add(at(org.id(), "s-" + (i % 30), OLD.plusSeconds(i)));
    }
    for (int i = 0; i < old; i += 200) {
      stores.events().append(batch(org.id(), backlog.subList(i, i + 200)));
    }
    AtomicBoolean purging = new AtomicBoolean(true);
    AtomicInteger appended = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      CountDownLatch started = new CountDownLatch(2);
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        int writer = w;
        writers.add(
            pool.submit(
                () -> {
                  started.countDown();
                  int i = 0;
                  while (purging.get() || i < 5) {
                    stores
                        .events()
                        .append(
                            batch(
                                org.id(),
                                List.of(
                                    at(org.id(), "live-" + writer + "-" + (i % 7), NEW),
                                    at(org.id(), "s-" + (i % 30), NEW))));
                    appended.addAndGet(2);
                    i++;
                  }
                  return null;
                }));
      }
      started.await(10, TimeUnit.SECONDS);
      PurgeReport report = job(id("inst"), 50).runOnce().orElseThrow();
      purging.set(false);
      for (Future<?> f : writers) {
        f.get(60, TimeUnit.SECONDS);
      }
      assertThat(report.events()).isGreaterThanOrEqualTo(old);
    } finally {
      purging.set(false);
      pool.shutdownNow();
    }
    assertThat(count(org.id(), "events where ts < ?", NEW)).isZero();
    assertThat(count(org.id(), "events")).isEqualTo(appended.get());
    assertThat(appended.get()).isPositive();
  }

  @Test
  void oneLeaseHasOneHolderUntilItExpires() throws Exception {
    JobLeases leases = provider.jobLeases();
    String job = id("job");
    Instant start = now.get();
    try {
      assertThat(leases.acquire(job, "a", Duration.ofMinutes(5))).isTrue();
      assertThat(leases.acquire(job, "b", Duration.ofMinutes(5))).isFalse();
      assertThat(leases.acquire(job, "a", Duration.ofMinutes(5))).as("renewal").isTrue();
      now.set(start.plus(Duration.ofMinutes(6)));
      assertThat(leases.acquire(job, "b", Duration.ofMinutes(5))).as("after expiry").isTrue();
      assertThat(leases.acquire(job, "a", Duration.ofMinutes(5))).isFalse();
      leases.release(job, "a");
      assertThat(leases.acquire(job, "a", Duration.ofMinutes(5)))
          .as("not a's to release")
          .isFalse();
      leases.release(job, "b");
      assertThat(leases.acquire(job, "a", Duration.ofMinutes(5))).isTrue();
    } finally {
      now.set(start);
    }
    String raced = id("job");
    int contenders = 8;
    ExecutorService pool = Executors.newFixedThreadPool(contenders);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> wins = new ArrayList<>();
      for (int i = 0; i < contenders; i++) {
        String owner = "o" + i;
        wins.add(
            pool.submit(
                () -> {
                  go.await();
                  return leases.acquire(raced, owner, Duration.ofMinutes(5));
                }));
      }
      go.countDown();
      int winners = 0;
      for (Future<Boolean> f : wins) {
        winners += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aPurgeDoesNotRunWhileAnotherInstanceHoldsTheLease() {
    Org org = newOrg();
    stores.events().append(batch(org.id(), List.of(at(org.id(), "s", OLD))));
    assertThat(provider.jobLeases().acquire(PurgeJob.JOB, "other", Duration.ofMinutes(5))).isTrue();
    try {
      assertThat(job("me", 10).runOnce()).isEmpty();
      assertThat(stores.events().timeline(org.id(), "s", 0, 10)).hasSize(1);
    } finally {
      provider.jobLeases().release(PurgeJob.JOB, "other");
    }
    assertThat(job("me", 10).runOnce()).isPresent();
    assertThat(stores.events().timeline(org.id(), "s", 0, 10)).isEmpty();
  }

  @Test
  void monthlyPartitionsPastEveryWindowAreDropped() {
    assumeTrue(
        provider.capabilities().has(StorageCapability.PARTITIONING),
        "backend does not partition events");
    Org org = newOrg();
    Instant ancient = Instant.parse("2021-01-15T12:00:00Z");
    stores.events().append(batch(org.id(), List.of(at(org.id(), "s-ancient", ancient))));
    PurgeReport report = job(id("inst"), 100).runOnce().orElseThrow();
    assertThat(report.partitions()).isGreaterThanOrEqualTo(1);
    // a late event of a dropped month still gets stored (its partition is made again)
    stores.events().append(batch(org.id(), List.of(at(org.id(), "s-late", ancient))));
    assertThat(stores.events().timeline(org.id(), "s-late", 0, 10)).hasSize(1);
  }

  /**
   * Creates an org of a plan with a retention setting.
   *
   * @param plan the plan
   * @param days its retention setting
   * @return the stored org
   */
  protected Org org(Plan plan, int days) {
    String id = id("org");
    Org org =
        new Org(
            id,
            "s-" + id.substring(4, 24),
            "Org " + id,
            plan,
            OrgSettings.defaults(days),
            now.get());
    stores.orgs().create(org);
    return org;
  }

  private static ai.agentlens.core.memory.model.SessionSummary summary(String org, String session) {
    return new ai.agentlens.core.memory.model.SessionSummary(
        org,
        session,
        "agent-kept",
        null,
        OLD.minus(5, ChronoUnit.DAYS),
        OLD,
        "summary of " + session,
        List.of(),
        List.of(),
        null,
        ai.agentlens.core.memory.model.Outcome.SUCCESS,
        2,
        0,
        List.of(),
        OLD);
  }

  private void append(String org, String session, String agent, Instant from, int n) {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      events.add(
          Event.unwritten(
              id("evt"),
              org,
              session,
              agent,
              EventType.LLM_RESPONSE,
              Severity.INFO,
              from.plusSeconds(i),
              "{\"provider\":\"p\",\"model\":\"m\",\"costUsd\":0.01}",
              "{}"));
    }
    stores.events().append(new EventBatch(org, "key-1", events));
  }

  private static Event at(String org, String session, Instant ts) {
    return Event.unwritten(
        id("evt"),
        org,
        session,
        "agent-1",
        EventType.CUSTOM,
        Severity.INFO,
        ts,
        "{\"type\":\"t\",\"data\":{}}",
        "{}");
  }

  /**
   * Counts an org's rows through the raw database, as the application's user.
   *
   * @param org the org
   * @param tableAndWhere a table, optionally followed by {@code where} and conditions with
   *     parameters (the org condition is added)
   * @param args the parameters
   * @return the count
   */
  protected long count(String org, String tableAndWhere, Object... args) throws Exception {
    String q =
        tableAndWhere.contains(" where ")
            ? "select count(*) from " + tableAndWhere + " and org_id = ?"
            : "select count(*) from " + tableAndWhere + " where org_id = ?";
    try (Connection c = opened.raw().connect()) {
      c.setAutoCommit(false);
      opened.raw().scopeToOrg(c, org);
      try (PreparedStatement ps = c.prepareStatement(q)) {
        int i = 1;
        for (Object a : args) {
          ps.setObject(i++, bindable(a));
        }
        ps.setString(i, org);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          long n = rs.getLong(1);
          c.rollback();
          return n;
        }
      }
    }
  }

  /**
   * Turns an instant into what the backend's raw column compares with.
   *
   * @param a an argument
   * @return the value to bind
   */
  protected abstract Object bindable(Object a);
}
