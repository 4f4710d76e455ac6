package ai.agentlens.core.account.model;

/**
 * Who makes a request, for permission checks and audit entries.
 *
 * @param userId the signed-in user, or {@code null} when anonymous
 * @param ip the client's IP address, or {@code null}
 */
public record Caller(String userId, String ip) {

  /**
   * An anonymous caller.
   *
   * @param ip the client's address
   * @return the caller
   */
  public static Caller anonymous(String ip) {
    return new Caller(null, ip);
  }
}
