package ai.agentlens.core.event;

/**
 * Outcome of verifying a session's hash chain (reference §2.3).
 *
 * @param valid whether every link and hash checks out
 * @param failedAtIndex index of the first bad event, or -1 when valid
 * @param reason why it failed, or {@code null} when valid
 */
public record ChainVerification(boolean valid, int failedAtIndex, String reason) {

  /** The result for a valid chain. */
  public static final ChainVerification VALID = new ChainVerification(true, -1, null);

  /**
   * Creates a failed result.
   *
   * @param index index of the first bad event
   * @param reason why
   * @return the result
   */
  public static ChainVerification failedAt(int index, String reason) {
    return new ChainVerification(false, index, reason);
  }
}
