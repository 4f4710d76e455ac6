package ai.agentlens.core.ingest;

/**
 * An ingest request the gateway will not accept now; the web layer maps {@link #reason()} to its
 * status (429, 402, 503, 401, 400, 403) and {@link #retryAfterSeconds()} to {@code Retry-After}.
 */
public final class IngestRefusedException extends RuntimeException {

  /** Why a request was refused. */
  public enum Reason {
    /** A key or org rate limit (429). */
    RATE_LIMITED,
    /** The monthly quota or the overage cap (402). */
    QUOTA_EXCEEDED,
    /** Queue over its depth threshold, full, or unreachable; or the rate limiter is (503). */
    OVERLOADED,
    /** The org of the key no longer exists (401, like a revoked key). */
    UNKNOWN_ORG,
    /**
     * The store refused the events as input it can never hold (400); retrying will not help. The
     * gateway's validation is meant to catch all of it first; this is the safety net.
     */
    REJECTED,
    /** A tool the agent's settings disable (403); retrying will not help. */
    BLOCKED
  }

  private final Reason reason;
  private final long retryAfterSeconds;

  /**
   * Creates a refusal.
   *
   * @param reason why
   * @param message for the client; no internals
   * @param retryAfterSeconds when to retry, or 0 when retrying will not help
   */
  public IngestRefusedException(Reason reason, String message, long retryAfterSeconds) {
    super(message, null, false, false);
    this.reason = reason;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /**
   * Returns why.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns when to retry.
   *
   * @return seconds, 0 when not applicable
   */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
