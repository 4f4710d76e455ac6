package ai.agentlens.core.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.port.billing.BillingException;
import ai.agentlens.core.port.billing.BillingState;
import ai.agentlens.core.port.billing.BillingStateStore;
import ai.agentlens.core.port.billing.PaymentMethodState;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The billing cache reads the store and the provider at most once per org per minute, drops an org
 * on {@link BillingCache#invalidate}, and never keeps a failed load.
 */
class BillingCacheTest {

  private static final Instant T = Instant.parse("2026-12-03T00:00:00Z");

  private final Map<String, BillingState> rows = new HashMap<>();
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicLong nanos = new AtomicLong(1_000);
  private final BillingCache cache = new BillingCache(store(), nanos::get);

  private BillingStateStore store() {
    return new BillingStateStore() {
      @Override
      public Optional<BillingState> find(String orgId) {
        reads.incrementAndGet();
        return Optional.ofNullable(rows.get(orgId));
      }

      @Override
      public void save(BillingState state) {
        rows.put(state.orgId(), state);
      }

      @Override
      public boolean markProcessed(String eventId, String type, Instant at) {
        throw new AssertionError("not used by the cache");
      }

      @Override
      public void unmarkProcessed(String eventId) {
        throw new AssertionError("not used by the cache");
      }

      @Override
      public List<String> orgIds() {
        throw new AssertionError("not used by the cache");
      }

      @Override
      public boolean recordOverage(
          String orgId, Instant hourStart, long events, String identifier, Instant at) {
        throw new AssertionError("not used by the cache");
      }

      @Override
      public Map<Instant, Long> reportedOverage(String orgId, Instant from, Instant to) {
        throw new AssertionError("not used by the cache");
      }
    };
  }

  @Test
  void thePaymentStateIsReadOncePerMinuteUntilInvalidated() {
    Instant grace = T.plusSeconds(7 * 86_400);
    rows.put("a", BillingState.none("a", T).withPayment(BillingState.PAYMENT_FAILED, grace, T));
    assertThat(cache.paymentFailedUntil("a")).contains(grace);
    assertThat(cache.paymentFailedUntil("b")).as("no row: payments fine").isEmpty();
    for (int i = 0; i < 50; i++) {
      cache.paymentFailedUntil("a");
    }
    assertThat(reads).hasValue(2);

    rows.put("a", rows.get("a").withPayment(BillingState.PAYMENT_OK, null, T));
    nanos.addAndGet(BillingCache.TTL_NANOS - 1);
    assertThat(cache.paymentFailedUntil("a")).as("stale within the TTL").contains(grace);
    nanos.addAndGet(1);
    assertThat(cache.paymentFailedUntil("a")).as("re-read after the TTL").isEmpty();
    assertThat(reads).hasValue(3);

    rows.put("a", rows.get("a").withPayment(BillingState.PAYMENT_FAILED, grace, T));
    cache.invalidate("a");
    assertThat(cache.paymentFailedUntil("a")).as("re-read after a change").contains(grace);
  }

  @Test
  void theProviderPartIsLoadedOncePerMinuteAndAFailedLoadIsNotKept() {
    AtomicInteger loads = new AtomicInteger();
    BillingCache.ProviderView view =
        new BillingCache.ProviderView(PaymentMethodState.NONE, null, List.of());
    assertThatThrownBy(
            () ->
                cache.provider(
                    "a",
                    () -> {
                      loads.incrementAndGet();
                      throw new BillingException("Stripe down", null);
                    }))
        .isInstanceOf(BillingException.class);
    for (int i = 0; i < 5; i++) {
      assertThat(cache.provider("a", () -> count(loads, view))).isSameAs(view);
    }
    assertThat(loads).as("one failed load, then one that is kept").hasValue(2);
    cache.invalidate("a");
    cache.provider("a", () -> count(loads, view));
    nanos.addAndGet(BillingCache.TTL_NANOS);
    cache.provider("a", () -> count(loads, view));
    assertThat(loads).hasValue(4);
  }

  private static BillingCache.ProviderView count(AtomicInteger loads, BillingCache.ProviderView v) {
    loads.incrementAndGet();
    return v;
  }
}
