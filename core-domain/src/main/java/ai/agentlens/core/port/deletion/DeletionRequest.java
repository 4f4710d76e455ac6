package ai.agentlens.core.port.deletion;

import java.time.Instant;

/**
 * A queued deletion (FR-71, FR-72, PC-11): an org whose data is purged in the background, or a
 * deleted account whose audit traces are anonymized. Retried until {@link State#DONE}.
 *
 * @param id the request's id
 * @param kind what is deleted
 * @param orgId the org deleted ({@link Kind#ORG}), or {@code null} for an account
 * @param userId who asked: the Owner for an org, the deleted user for an account
 * @param state where it is
 * @param attempts how many times the job started it
 * @param lastError the last failure's message, or {@code null}
 * @param requestedAt when it was asked for
 * @param updatedAt when its state last changed
 * @param completedAt when it was done, or {@code null}
 */
public record DeletionRequest(
    String id,
    Kind kind,
    String orgId,
    String userId,
    State state,
    int attempts,
    String lastError,
    Instant requestedAt,
    Instant updatedAt,
    Instant completedAt) {

  /** What a request deletes. */
  public enum Kind {
    /** An org and every row of its data (its audit log stays). */
    ORG,
    /** A user account: the remaining step is anonymizing its audit entries. */
    ACCOUNT;

    /**
     * Returns the name stored and shown.
     *
     * @return {@code org} or {@code account}
     */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Where a request is; {@link #FAILED} is retried at the next run. */
  public enum State {
    /** Waiting for the job. */
    REQUESTED,
    /** The job started it (a crash leaves it here; the next run starts it again). */
    IN_PROGRESS,
    /** Finished; nothing of the subject is left. */
    DONE,
    /** The last attempt failed; retried at the next run. */
    FAILED;

    /**
     * Returns the name stored and shown.
     *
     * @return e.g. {@code in_progress}
     */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Parses a stored name.
     *
     * @param s the name
     * @return the state
     */
    public static State of(String s) {
      return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /**
   * A new request, not yet stored.
   *
   * @param id its id
   * @param kind what is deleted
   * @param orgId the org, or {@code null} for an account
   * @param userId the Owner (org) or the deleted user (account)
   * @param at now
   * @return the request in state {@link State#REQUESTED}
   */
  public static DeletionRequest requested(
      String id, Kind kind, String orgId, String userId, Instant at) {
    return new DeletionRequest(id, kind, orgId, userId, State.REQUESTED, 0, null, at, at, null);
  }
}
