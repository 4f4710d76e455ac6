package ai.agentlens.storage.spi.jdbc;

/**
 * The tenant scope of a unit of work. On PostgreSQL it becomes the transaction-local settings
 * {@code app.current_org} / {@code app.current_user} that Row-Level Security policies read; other
 * backends ignore it (their queries filter by org themselves).
 *
 * @param orgId the org, or {@code null}
 * @param userId the user for user-scoped cross-org reads (memberships), or {@code null}
 */
public record Scope(String orgId, String userId) {

  /** No tenant at all: tenant tables look empty on PostgreSQL. */
  public static final Scope NONE = new Scope(null, null);

  /**
   * Scopes to one org.
   *
   * @param orgId the org
   * @return the scope
   */
  public static Scope org(String orgId) {
    return new Scope(orgId, null);
  }

  /**
   * Scopes to one user's rows in every org.
   *
   * @param userId the user
   * @return the scope
   */
  public static Scope user(String userId) {
    return new Scope(null, userId);
  }
}
