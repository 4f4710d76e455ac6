package ai.agentlens.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.plan.OverageCap;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.plan.QuotaPolicy.Decision;
import ai.agentlens.core.plan.QuotaSettings;
import ai.agentlens.core.plan.UsageRecord;
import ai.agentlens.core.port.quota.OverageCapStore;
import ai.agentlens.core.port.storage.UsageLedger;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The quota gate: Free stops at exactly its quota; Pro runs into overage up to its cap (default 2×,
 * or the Owner's) and names it when refusing; the cap and the total are read from storage once per
 * refresh interval, not per request; the warning fires once per org and month; billing off and
 * unlimited plans cost nothing; a slow re-read holds up only the request that makes it.
 */
class QuotaGateTest {

  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

  private final AtomicInteger ledgerReads = new AtomicInteger();
  private final AtomicInteger capReads = new AtomicInteger();
  private final Map<String, Long> stored = new HashMap<>();
  private final Map<String, OverageCap> caps = new HashMap<>();
  private final AtomicLong nanos = new AtomicLong();
  private final List<String> warned = new ArrayList<>();

  private volatile CountDownLatch readEntered;
  private volatile CountDownLatch readMayFinish;

  private final UsageLedger ledger =
      new UsageLedger() {
        @Override
        public List<UsageRecord> records(String orgId, Instant from, Instant to) {
          throw new UnsupportedOperationException();
        }

        @Override
        public long total(String orgId, Instant from, Instant to) {
          ledgerReads.incrementAndGet();
          CountDownLatch entered = readEntered;
          if (entered != null) {
            entered.countDown();
            await(readMayFinish);
          }
          return stored.getOrDefault(orgId, 0L);
        }
      };

  private final OverageCapStore capStore =
      new OverageCapStore() {
        @Override
        public Optional<OverageCap> find(String orgId) {
          capReads.incrementAndGet();
          return Optional.ofNullable(caps.get(orgId));
        }

        @Override
        public void set(String orgId, OverageCap cap, Instant at) {
          caps.put(orgId, cap);
        }
      };

  private QuotaGate gate(QuotaSettings settings) {
    return new QuotaGate(
        ledger,
        () -> NOW,
        nanos::get,
        settings,
        capStore,
        (org, plan, month, used, quota) ->
            warned.add(org + " " + month + " " + used + "/" + quota));
  }

  @Test
  void freeStopsAtExactlyTenThousand() {
    QuotaGate g = gate(QuotaSettings.DEFAULT);
    stored.put("f", 9_999L);
    assertThat(g.reserve("f", Plan.FREE, 1)).isEqualTo(Decision.WITHIN_QUOTA);
    assertThat(g.reserve("f", Plan.FREE, 1)).isEqualTo(Decision.REFUSED);
    assertThat(g.used("f")).isEqualTo(10_000);
    assertThat(g.refusal("f", Plan.FREE))
        .startsWith("Monthly event quota of 10,000 reached for the free plan");
  }

  @Test
  void proRunsIntoOverageUpToTheDefaultCapThenTheOwnersCap() {
    QuotaGate g = gate(new QuotaSettings(true, 100));
    // quota 5,000, default cap 10,000
    stored.put("p", 4_999L);
    assertThat(g.reserve("p", Plan.PRO, 1)).isEqualTo(Decision.WITHIN_QUOTA);
    assertThat(g.reserve("p", Plan.PRO, 4_000)).isEqualTo(Decision.OVERAGE);
    assertThat(g.reserve("p", Plan.PRO, 1_000)).isEqualTo(Decision.OVERAGE);
    assertThat(g.reserve("p", Plan.PRO, 1)).isEqualTo(Decision.REFUSED);
    assertThat(g.refusal("p", Plan.PRO)).startsWith("Overage cap of 10,000 events reached");
    capStore.set("p", new OverageCap(3, null), NOW);
    assertThat(g.reserve("p", Plan.PRO, 1))
        .as("the new cap is not seen before the refresh interval")
        .isEqualTo(Decision.REFUSED);
    g.invalidate("p");
    assertThat(g.reserve("p", Plan.PRO, 5_000)).isEqualTo(Decision.OVERAGE);
    assertThat(g.reserve("p", Plan.PRO, 1)).isEqualTo(Decision.REFUSED);
    assertThat(g.refusal("p", Plan.PRO)).startsWith("Overage cap of 15,000 events reached");
    capStore.set("p", new OverageCap(null, 16_000L), NOW);
    nanos.addAndGet(QuotaGate.REFRESH_NANOS);
    assertThat(g.reserve("p", Plan.PRO, 1_000)).isEqualTo(Decision.OVERAGE);
    assertThat(g.capEvents("p", Plan.PRO)).isEqualTo(16_000);
  }

  @Test
  void storageIsReadOncePerRefreshIntervalNotPerRequest() {
    QuotaGate g = gate(QuotaSettings.DEFAULT);
    for (int i = 0; i < 1_000; i++) {
      g.reserve("p", Plan.PRO, 10);
    }
    assertThat(ledgerReads.get()).isEqualTo(1);
    assertThat(capReads.get()).isEqualTo(1);
    nanos.addAndGet(QuotaGate.REFRESH_NANOS);
    g.reserve("p", Plan.PRO, 10);
    assertThat(ledgerReads.get()).isEqualTo(2);
    assertThat(capReads.get()).isEqualTo(2);
  }

  @Test
  void aSlowReReadHoldsUpOnlyTheRequestThatMakesIt() throws Exception {
    QuotaGate g = gate(QuotaSettings.DEFAULT);
    stored.put("s", 100L);
    g.reserve("s", Plan.PRO, 10);
    nanos.addAndGet(QuotaGate.REFRESH_NANOS);
    stored.put("s", 5_000L);
    readEntered = new CountDownLatch(1);
    readMayFinish = new CountDownLatch(1);
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try {
      Future<Decision> slow = reader.submit(() -> g.reserve("s", Plan.PRO, 10));
      assertThat(readEntered.await(5, TimeUnit.SECONDS)).isTrue();
      readEntered = null;
      assertThat(g.reserve("s", Plan.PRO, 10))
          .as("decided from the figures at hand while the re-read runs")
          .isEqualTo(Decision.WITHIN_QUOTA);
      assertThat(g.used("s"))
          .as("100 stored, 10 before, 10 now; the slow one not yet")
          .isEqualTo(120);
      assertThat(ledgerReads.get()).as("one re-read at a time").isEqualTo(2);
      readMayFinish.countDown();
      assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo(Decision.WITHIN_QUOTA);
      assertThat(g.used("s"))
          .as("the stored total replaces the lower estimate, then the slow request counts")
          .isEqualTo(5_010);
    } finally {
      readMayFinish.countDown();
      reader.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void theWarningFiresOncePerOrgAndMonthAtEightyPercent() {
    QuotaGate g = gate(new QuotaSettings(true, 100));
    // Free quota 100
    for (int i = 0; i < 79; i++) {
      g.reserve("f", Plan.FREE, 1);
    }
    assertThat(warned).isEmpty();
    g.reserve("f", Plan.FREE, 1);
    assertThat(warned).containsExactly("f " + YearMonth.of(2026, 12) + " 80/100");
    for (int i = 0; i < 30; i++) {
      g.reserve("f", Plan.FREE, 1);
    }
    assertThat(warned).hasSize(1);
  }

  @Test
  void billingOffAndUnlimitedPlansNeverRefuseNorReadStorage() {
    QuotaGate off = gate(new QuotaSettings(false, 1));
    stored.put("f", 1_000_000L);
    assertThat(off.reserve("f", Plan.FREE, 100)).isEqualTo(Decision.WITHIN_QUOTA);
    QuotaGate on = gate(QuotaSettings.DEFAULT);
    assertThat(on.reserve("s", Plan.SELF_HOSTED, 100)).isEqualTo(Decision.WITHIN_QUOTA);
    assertThat(on.reserve("e", Plan.ENTERPRISE, 100)).isEqualTo(Decision.WITHIN_QUOTA);
    assertThat(ledgerReads.get()).isZero();
    assertThat(capReads.get()).isZero();
    assertThat(warned).isEmpty();
  }

  @Test
  void anUnreadableCapKeepsTheLastKnownOne() {
    OverageCapStore broken =
        new OverageCapStore() {
          @Override
          public Optional<OverageCap> find(String orgId) {
            throw new IllegalStateException("database down");
          }

          @Override
          public void set(String orgId, OverageCap cap, Instant at) {}
        };
    QuotaGate g =
        new QuotaGate(ledger, () -> NOW, nanos::get, new QuotaSettings(true, 100), broken, null);
    assertThat(g.reserve("p", Plan.PRO, 10_000)).isEqualTo(Decision.OVERAGE);
    assertThat(g.reserve("p", Plan.PRO, 1)).isEqualTo(Decision.REFUSED);
  }
}
