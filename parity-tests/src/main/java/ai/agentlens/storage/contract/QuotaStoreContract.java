package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.error.NotFoundException;
import ai.agentlens.core.plan.OverageCap;
import ai.agentlens.core.port.quota.OverageCapStore;
import ai.agentlens.core.port.quota.QuotaWarningLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The {@link OverageCapStore} and {@link QuotaWarningLog} contracts: a cap round-trips either way
 * (multiple or events, including events beyond 2^31) and a later one replaces it; of many
 * concurrent claims of one warning period exactly one wins, and a claim stays claimed; unknown orgs
 * are refused; another org (or none) reads and changes nothing; deleting the org deletes both.
 */
public abstract class QuotaStoreContract extends StorageContract {

  private static final Instant T = Instant.parse("2026-12-02T10:00:00Z");

  private OverageCapStore caps() {
    return stores.overageCaps();
  }

  private QuotaWarningLog warnings() {
    return stores.quotaWarnings();
  }

  @Test
  void capsRoundTripAndALaterOneReplacesIt() {
    String org = newOrg().id();
    String other = newOrg().id();
    assertThat(caps().find(org)).isEmpty();
    caps().set(org, new OverageCap(3, null), T);
    assertThat(caps().find(org)).contains(new OverageCap(3, null));
    caps().set(org, new OverageCap(null, 5_000_000_000L), T.plusSeconds(1));
    assertThat(caps().find(org)).contains(new OverageCap(null, 5_000_000_000L));
    assertThat(caps().find(other)).as("another org").isEmpty();
    assertThat(caps().find(null)).isEmpty();
    assertThat(caps().find(" ")).isEmpty();
    assertThatThrownBy(() -> caps().set("no-such-org", new OverageCap(2, null), T))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void exactlyOneOfManyConcurrentClaimsWins() throws Exception {
    String org = newOrg().id();
    String other = newOrg().id();
    int n = 8;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Callable<Boolean> claim =
            () -> {
              start.await();
              return warnings().claim(org, "2026-12", T);
            };
        results.add(pool.submit(claim));
      }
      start.countDown();
      int won = 0;
      for (Future<Boolean> f : results) {
        won += f.get() ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(warnings().claimed(org, "2026-12")).isTrue();
    assertThat(warnings().claim(org, "2026-12", T.plusSeconds(60))).isFalse();
    assertThat(warnings().claimed(org, "2027-01")).isFalse();
    assertThat(warnings().claim(org, "2027-01", T)).as("a new period").isTrue();
    assertThat(warnings().claimed(other, "2026-12")).as("another org").isFalse();
    assertThat(warnings().claim(null, "2026-12", T)).isFalse();
    assertThat(warnings().claimed(null, "2026-12")).isFalse();
    assertThatThrownBy(() -> warnings().claim("no-such-org", "2026-12", T))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void deletingTheOrgDeletesItsCapAndWarnings() {
    String org = newOrg().id();
    caps().set(org, new OverageCap(4, null), T);
    warnings().claim(org, "2026-12", T);
    assertThat(stores.orgs().delete(org)).isTrue();
    assertThat(caps().find(org)).isEmpty();
    assertThat(warnings().claimed(org, "2026-12")).isFalse();
  }
}
