package ai.agentlens.core.billing;

import ai.agentlens.core.port.billing.BillingState;
import ai.agentlens.core.port.billing.BillingStateStore;
import ai.agentlens.core.port.billing.Invoice;
import ai.agentlens.core.port.billing.PaymentMethodState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Per-org cache of what billing would otherwise read on every request: the payment state behind the
 * payment-failed banner of every dashboard page, and the provider's part of the billing overview
 * (card, next invoice, invoices: three provider calls). An entry lives {@link #TTL_NANOS}; every
 * billing change this instance makes (webhooks, jobs, Owner actions, operator) drops the org's
 * entries at once, so other instances show a change within the TTL. Thread-safe.
 */
public final class BillingCache {

  /** How long an entry is served: 60 seconds. */
  public static final long TTL_NANOS = 60_000_000_000L;

  /**
   * The provider's part of the overview.
   *
   * @param paymentMethod the card on file
   * @param upcoming the next invoice, or {@code null}
   * @param invoices past invoices, newest first
   */
  public record ProviderView(
      PaymentMethodState paymentMethod, Invoice upcoming, List<Invoice> invoices) {

    /** Copies the list. */
    public ProviderView {
      invoices = List.copyOf(invoices);
    }
  }

  private record Entry<T>(T value, long expires) {}

  private final BillingStateStore store;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Entry<Optional<Instant>>> failures =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Entry<ProviderView>> provider = new ConcurrentHashMap<>();

  /**
   * Creates the cache.
   *
   * @param store where the payment state is read on a miss
   * @param nanoTime a monotonic clock ({@code System::nanoTime}; tests move their own)
   */
  public BillingCache(BillingStateStore store, LongSupplier nanoTime) {
    this.store = store;
    this.nanoTime = nanoTime;
  }

  /**
   * Tells whether the org's last payment failed: the end of its grace period, read from the store
   * at most once per {@link #TTL_NANOS} per org (the banner on every page; FR-58's sibling).
   *
   * @param orgId the org
   * @return when the org drops to Free, or empty while payments are fine
   */
  public Optional<Instant> paymentFailedUntil(String orgId) {
    long now = nanoTime.getAsLong();
    Entry<Optional<Instant>> e = failures.get(orgId);
    if (e != null && now - e.expires() < 0) {
      return e.value();
    }
    Optional<Instant> v =
        store
            .find(orgId)
            .filter(s -> BillingState.PAYMENT_FAILED.equals(s.paymentState()))
            .map(BillingState::graceUntil);
    failures.put(orgId, new Entry<>(v, now + TTL_NANOS));
    return v;
  }

  /**
   * Returns the provider's part of the overview, loading it on a miss. A load that throws is not
   * cached (the next request tries again).
   *
   * @param orgId the org
   * @param load reads it from the provider
   * @return the view
   */
  ProviderView provider(String orgId, Supplier<ProviderView> load) {
    long now = nanoTime.getAsLong();
    Entry<ProviderView> e = provider.get(orgId);
    if (e != null && now - e.expires() < 0) {
      return e.value();
    }
    ProviderView v = load.get();
    provider.put(orgId, new Entry<>(v, now + TTL_NANOS));
    return v;
  }

  /**
   * Drops an org's entries (after any billing change on this instance).
   *
   * @param orgId the org
   */
  public void invalidate(String orgId) {
    failures.remove(orgId);
    provider.remove(orgId);
  }
}
