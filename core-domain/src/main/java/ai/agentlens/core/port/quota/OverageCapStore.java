package ai.agentlens.core.port.quota;

import ai.agentlens.core.error.NotFoundException;
import ai.agentlens.core.error.StorageUnavailableException;
import ai.agentlens.core.plan.OverageCap;
import java.time.Instant;
import java.util.Optional;

/**
 * Each org's overage cap as its Owner set it (FR-61). At most one per org; a later {@link #set}
 * replaces the earlier one. Orgs without a row use {@link OverageCap#DEFAULT}.
 *
 * <p>Thread-safe. Every method is one transaction and names its org; another org's cap is never
 * read or changed, and a {@code null} or blank org reads nothing. Errors: {@link NotFoundException}
 * when {@link #set} names an unknown org, {@link StorageUnavailableException} otherwise. Deleting
 * an org deletes its cap.
 */
public interface OverageCapStore {

  /**
   * Reads an org's cap.
   *
   * @param orgId the org
   * @return the stored cap, or empty when the org never set one (or is unknown)
   */
  Optional<OverageCap> find(String orgId);

  /**
   * Stores (inserts or replaces) an org's cap. Idempotent.
   *
   * @param orgId the org
   * @param cap the cap
   * @param at when, recorded with it
   * @throws NotFoundException when the org does not exist
   */
  void set(String orgId, OverageCap cap, Instant at);
}
