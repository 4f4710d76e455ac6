package ai.agentlens.core.account.model;

/**
 * A refused account or org operation, with the kind of refusal the HTTP layer maps to a status.
 * Messages are for the user: they never hold a secret, a hash or an internal detail.
 */
public final class AccountException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why an operation was refused. */
  public enum Kind {
    /** Bad input (400). */
    INVALID,
    /** Not signed in, or wrong credentials (401). */
    UNAUTHENTICATED,
    /** A plan limit is reached (402). */
    LIMIT,
    /** Signed in but not allowed (403). */
    FORBIDDEN,
    /** Unknown, or not visible to the caller (404). */
    NOT_FOUND,
    /** Conflicts with the current state (409). */
    CONFLICT,
    /** Too many failed attempts: locked out for a while (429). */
    LOCKED
  }

  private final Kind kind;
  private final long retryAfterSeconds;

  /**
   * Creates the exception.
   *
   * @param kind the kind
   * @param message for the user
   */
  public AccountException(Kind kind, String message) {
    this(kind, message, 0);
  }

  /**
   * Creates the exception with a time after which trying again may succeed (a throttled or locked
   * sign-in).
   *
   * @param kind the kind
   * @param message for the user
   * @param retryAfterSeconds seconds to wait, &gt; 0; 0 when unknown
   */
  public AccountException(Kind kind, String message, long retryAfterSeconds) {
    super(message, null, false, false);
    this.kind = kind;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /**
   * Returns how long the caller should wait before trying again.
   *
   * @return seconds, or 0 when the refusal says nothing about it
   */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /**
   * Returns the kind.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Creates the exception for bad input (400).
   *
   * @param message what is wrong, shown to the caller
   * @return the exception
   */
  public static AccountException invalid(String message) {
    return new AccountException(Kind.INVALID, message);
  }

  /**
   * Creates the exception for a permission the caller lacks (403).
   *
   * @param message what is wrong, shown to the caller
   * @return the exception
   */
  public static AccountException forbidden(String message) {
    return new AccountException(Kind.FORBIDDEN, message);
  }

  /**
   * Creates the exception for something absent or not visible to the caller (404).
   *
   * @param message what is wrong, shown to the caller
   * @return the exception
   */
  public static AccountException notFound(String message) {
    return new AccountException(Kind.NOT_FOUND, message);
  }

  /**
   * Creates the exception for a clash with existing state (409).
   *
   * @param message what is wrong, shown to the caller
   * @return the exception
   */
  public static AccountException conflict(String message) {
    return new AccountException(Kind.CONFLICT, message);
  }

  /**
   * Creates the exception for a plan limit reached (402).
   *
   * @param message what is wrong, shown to the caller
   * @return the exception
   */
  public static AccountException limit(String message) {
    return new AccountException(Kind.LIMIT, message);
  }
}
