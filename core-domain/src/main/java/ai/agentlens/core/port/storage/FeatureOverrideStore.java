package ai.agentlens.core.port.storage;

import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.error.NotFoundException;
import ai.agentlens.core.error.StorageUnavailableException;
import ai.agentlens.core.plan.Feature;
import java.time.Instant;
import java.util.Map;

/**
 * Per-org feature overrides set by an operator: an explicit on or off that beats the org's plan. At
 * most one override per (org, feature); a later {@link #set} replaces the earlier one.
 *
 * <p>Thread-safe. Every method is one transaction and names its org; another org's overrides are
 * never read or changed. Errors: {@link InvalidInputException} for a missing org id, {@link
 * NotFoundException} when {@link #set} names an unknown org, {@link StorageUnavailableException}
 * otherwise. Deleting an org deletes its overrides.
 */
public interface FeatureOverrideStore {

  /**
   * Reads an org's overrides.
   *
   * @param orgId the org; {@code null} or blank reads nothing
   * @return feature → enabled, only for the features that have an override; empty when none or the
   *     org is unknown
   */
  Map<Feature, Boolean> find(String orgId);

  /**
   * Sets (inserts or replaces) one override. Idempotent.
   *
   * @param orgId the org
   * @param feature the feature
   * @param enabled {@code true} to switch it on, {@code false} to switch it off
   * @param at when, recorded with the override
   * @throws NotFoundException when the org does not exist
   */
  void set(String orgId, Feature feature, boolean enabled, Instant at);

  /**
   * Removes one override, so the plan decides again. Idempotent.
   *
   * @param orgId the org
   * @param feature the feature
   * @return {@code true} when an override was removed
   */
  boolean clear(String orgId, Feature feature);
}
