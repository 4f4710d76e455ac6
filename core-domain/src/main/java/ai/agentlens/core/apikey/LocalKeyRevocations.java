package ai.agentlens.core.apikey;

import ai.agentlens.core.port.KeyRevocations;

/**
 * {@link KeyRevocations} for a single process (self-hosted): a revocation clears this process's
 * verified-key cache at once, and there is no one else to tell.
 */
public final class LocalKeyRevocations implements KeyRevocations {

  private final ApiKeyAuthenticator authenticator;

  /**
   * Creates the revocations of one process.
   *
   * @param authenticator the process's verified-key cache
   */
  public LocalKeyRevocations(ApiKeyAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public void revoked(String prefix) {
    authenticator.invalidate(prefix);
  }
}
