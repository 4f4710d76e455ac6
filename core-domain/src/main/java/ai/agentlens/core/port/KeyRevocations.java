package ai.agentlens.core.port;

/**
 * Tells every instance that an API key was revoked, so each drops its cached verification (FR-18).
 * Self-hosted: only this process. App-cloud: this process and, through Redis pub/sub, every other.
 *
 * <p>Contract: {@link #revoked} returns after this instance's cache is cleared; other instances
 * clear theirs asynchronously, normally within milliseconds, and in any case the verified-key
 * cache's TTL bounds the delay. Thread-safe; never throws for an unreachable broadcast channel (it
 * logs, and the TTL still applies).
 */
public interface KeyRevocations {

  /**
   * Announces a revocation.
   *
   * @param prefix the revoked key's visible prefix
   */
  void revoked(String prefix);
}
