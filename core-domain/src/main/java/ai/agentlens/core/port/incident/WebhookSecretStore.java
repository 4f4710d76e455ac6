package ai.agentlens.core.port.incident;

import java.time.Instant;
import java.util.Optional;

/**
 * The per-org shared secret of the Datadog webhook, and the signatures it has accepted recently
 * (replay protection). Thread-safe; every method names its org and never reads or changes another
 * org's rows (a {@code null} or blank org reads nothing and records nothing). Errors: {@link
 * ai.agentlens.core.error.StorageUnavailableException}.
 */
public interface WebhookSecretStore {

  /**
   * Sets the org's secret, replacing an earlier one.
   *
   * @param orgId the org
   * @param secret the secret
   * @param at when
   */
  void put(String orgId, String secret, Instant at);

  /**
   * Reads the org's secret.
   *
   * @param orgId the org
   * @return it, or empty when none was created
   */
  Optional<String> secret(String orgId);

  /**
   * Records a signature as used, atomically; signatures seen before {@code forgetBefore} are
   * forgotten first. Concurrent calls with the same signature: exactly one gets {@code true}.
   *
   * @param orgId the org
   * @param signature the signature
   * @param at when it arrived
   * @param forgetBefore signatures seen earlier than this are dropped
   * @return {@code true} the first time, {@code false} for a replay
   */
  boolean firstUse(String orgId, String signature, Instant at, Instant forgetBefore);
}
