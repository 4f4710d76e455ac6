package ai.agentlens.core.port.storage;

import ai.agentlens.core.error.StorageUnavailableException;
import ai.agentlens.core.plan.UsageRecord;
import java.time.Instant;
import java.util.List;

/**
 * Events stored per org, per hour, per API key (FR-34, FR-54). The ledger is written by {@link
 * EventStore#append} in the same transaction as the events (so it never counts a duplicate or a
 * rolled-back event); this port reads it.
 *
 * <p>Thread-safe. Errors: {@link StorageUnavailableException} only.
 */
public interface UsageLedger {

  /**
   * Lists usage records with {@code from <= hour < to}, by hour then key.
   *
   * @param orgId the org
   * @param from inclusive start
   * @param to exclusive end
   * @return the records
   */
  List<UsageRecord> records(String orgId, Instant from, Instant to);

  /**
   * Sums events stored with {@code from <= hour < to} (quota checks).
   *
   * @param orgId the org
   * @param from inclusive start
   * @param to exclusive end
   * @return the total
   */
  long total(String orgId, Instant from, Instant to);
}
