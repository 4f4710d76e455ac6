package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.billing.BillingInterval;
import ai.agentlens.core.port.billing.BillingState;
import ai.agentlens.core.port.billing.BillingStateStore;
import ai.agentlens.core.port.billing.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The {@link BillingStateStore} contract: state round-trips with every optional field and is
 * replaced on save; a webhook event id is processed exactly once, also under concurrency, and can
 * be forgotten; an hour's overage is recorded once; another org (or none) reads nothing; the org
 * listing sees every org.
 */
public abstract class BillingStateStoreContract extends StorageContract {

  private static final Instant T = Instant.parse("2026-03-10T12:00:00.123456Z");

  private BillingStateStore store() {
    return stores.billing();
  }

  private static BillingState full(String org) {
    return BillingState.none(org, T)
        .withCustomer("cus_1", T)
        .withSubscription(
            new Subscription(
                "sub_1",
                "cus_1",
                org,
                "active",
                Plan.TEAM,
                BillingInterval.ANNUAL,
                T.plusSeconds(86_400),
                T.plusSeconds(3_600),
                false,
                Plan.PRO,
                T.plusSeconds(86_400)),
            T)
        .withPayment(BillingState.PAYMENT_FAILED, T.plusSeconds(7 * 86_400), T)
        .withTrialWarned(T.plusSeconds(60));
  }

  @Test
  void stateRoundTripsAndIsReplaced() {
    String org = newOrg().id();
    assertThat(store().find(org)).isEmpty();
    BillingState none = BillingState.none(org, T);
    store().save(none);
    assertThat(store().find(org)).contains(none);
    BillingState full = full(org);
    store().save(full);
    assertThat(store().find(org)).contains(full);
  }

  @Test
  void anotherOrgOrNoneReadsNothing() {
    String org = newOrg().id();
    String other = newOrg().id();
    store().save(full(org));
    assertThat(store().find(other)).isEmpty();
    assertThat(store().find(null)).isEmpty();
    assertThat(store().find("")).isEmpty();
    store().recordOverage(org, T, 10, "overage-x", T);
    assertThat(store().reportedOverage(other, T.minusSeconds(1), T.plusSeconds(1))).isEmpty();
    assertThat(store().orgIds()).contains(org, other);
  }

  @Test
  void anEventIsProcessedExactlyOnceAndCanBeForgotten() throws Exception {
    String id = id("evt");
    assertThat(store().markProcessed(id, "invoice.paid", T)).isTrue();
    assertThat(store().markProcessed(id, "invoice.paid", T)).isFalse();
    store().unmarkProcessed(id);
    assertThat(store().markProcessed(id, "invoice.paid", T)).isTrue();

    String raced = id("evt");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> all = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        all.add(pool.submit(() -> store().markProcessed(raced, "x", T)));
      }
      int wins = 0;
      for (Future<Boolean> f : all) {
        wins += f.get() ? 1 : 0;
      }
      assertThat(wins).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anHoursOverageIsRecordedOnce() {
    String org = newOrg().id();
    Instant hour = Instant.parse("2026-03-10T05:00:00Z");
    assertThat(store().recordOverage(org, hour, 25, "overage-a", T)).isTrue();
    assertThat(store().recordOverage(org, hour, 99, "overage-a", T)).isFalse();
    store().recordOverage(org, hour.plusSeconds(3600), 5, "overage-b", T);
    assertThat(store().reportedOverage(org, hour, hour.plusSeconds(3600)))
        .containsExactly(java.util.Map.entry(hour, 25L));
    assertThat(store().reportedOverage(org, hour, hour.plusSeconds(7200))).hasSize(2);
  }
}
