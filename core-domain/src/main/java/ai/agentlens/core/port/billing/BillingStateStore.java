package ai.agentlens.core.port.billing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Billing state per org, the processed-webhook ledger (exactly-once) and the overage reports (so a
 * retried hour is never billed twice). Tenant-scoped methods take the org; {@link #markProcessed}
 * and {@link #orgIds} are not tenant data. Errors: {@link
 * ai.agentlens.core.error.StorageUnavailableException} only.
 */
public interface BillingStateStore {

  /**
   * Reads an org's billing state.
   *
   * @param orgId the org
   * @return its state, empty when none was ever saved (or the org is missing/blank)
   */
  Optional<BillingState> find(String orgId);

  /**
   * Creates or replaces an org's billing state (last write wins).
   *
   * @param state the state
   */
  void save(BillingState state);

  /**
   * Records a webhook event as processed. Atomic: of concurrent calls with one id exactly one
   * returns {@code true}; every later call returns {@code false}.
   *
   * @param eventId the provider's event id
   * @param type its type
   * @param at now
   * @return {@code true} when this call recorded it (process it), {@code false} for a duplicate
   */
  boolean markProcessed(String eventId, String type, Instant at);

  /**
   * Forgets a processed event so a redelivery is handled again (called when handling failed).
   *
   * @param eventId the event id
   */
  void unmarkProcessed(String eventId);

  /**
   * Every org with a billing state, in id order (for the leased jobs).
   *
   * @return org ids
   */
  List<String> orgIds();

  /**
   * Records the overage reported for one org and hour. Idempotent: a second call for the same org
   * and hour changes nothing and returns {@code false}.
   *
   * @param orgId the org
   * @param hourStart the hour
   * @param events the overage events reported
   * @param identifier the idempotency key used with the provider
   * @param at now
   * @return {@code true} when recorded by this call
   */
  boolean recordOverage(
      String orgId, Instant hourStart, long events, String identifier, Instant at);

  /**
   * Returns the hours already reported for an org between two instants, with their events.
   *
   * @param orgId the org
   * @param from inclusive
   * @param to exclusive
   * @return hour start → events reported
   */
  java.util.Map<Instant, Long> reportedOverage(String orgId, Instant from, Instant to);
}
