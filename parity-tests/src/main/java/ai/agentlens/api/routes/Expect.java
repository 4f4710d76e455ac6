package ai.agentlens.api.routes;

import ai.agentlens.api.routes.RouteTable.Auth;
import ai.agentlens.api.routes.RouteTable.MinRole;
import ai.agentlens.api.routes.RouteTable.Row;

/**
 * What a caller must get from a route, derived from its table row alone. The rules (docs/api.md,
 * "Access rules"): no or wrong credentials → 401 (a page: the sign-in page); an API key on a
 * session-only route → 403 (a page: the sign-in page, since keys never open a dashboard session); a
 * member below the route's role → 403; another org's id → 404, never 403, so ids do not reveal that
 * something exists elsewhere; a route naming nothing acts in the caller's own org and must not show
 * org A's data.
 */
enum Expect {
  /** 401, or for a page a redirect to {@code /sign-in}. */
  UNAUTHENTICATED,
  /** 403, or for a page form a redirect carrying an error message. */
  FORBIDDEN,
  /** 404, or for a page form a redirect carrying an error message. */
  NOT_FOUND,
  /** Any 4xx: an unsigned webhook. */
  REFUSED,
  /** Not 401/403, and a read of org A's resource not 404: the caller may do this. */
  ALLOWED,
  /** Anything below 500 that shows none of org A's data: the caller acts in their own org. */
  ISOLATED,
  /** Public: anything below 500 (a login route answers 401 to a wrong password). */
  PUBLIC,
  /** Not called (see {@link #of}). */
  SKIP;

  /**
   * Derives a caller's expectation from a row.
   *
   * @param row the route
   * @param caller who calls
   * @return the expectation; {@link #SKIP} for calls that say nothing about access: credentials on
   *     a public route, an org-A key on a route that is not session-only (the Owner control covers
   *     it), a control write by the Owner (a table row has no body that is right for every route)
   *     and a person's own-account writes ({@code any}) that would sign the caller out or delete
   *     them mid-run
   */
  static Expect of(Row row, Caller caller) {
    Auth auth = row.auth();
    if (auth == Auth.PUBLIC) {
      return caller == Caller.ANONYMOUS || (caller == Caller.OWNER && !row.write()) ? PUBLIC : SKIP;
    }
    Expect e = raw(row, caller);
    boolean acting = e == ALLOWED || e == ISOLATED;
    if (acting && row.write() && (row.role() == MinRole.ANY || caller == Caller.OWNER)) {
      return SKIP;
    }
    return e;
  }

  private static Expect raw(Row row, Caller caller) {
    Auth auth = row.auth();
    // why: an org A id in the body or query (transfer to a member, audit export of an org) names
    // org A's resource as much as one in the path
    boolean names =
        RouteFixtures.namesResource(row.path())
            || (row.body() != null && row.body().contains("${"));
    return switch (caller) {
      case ANONYMOUS -> auth == Auth.WEBHOOK_SIGNED ? REFUSED : UNAUTHENTICATED;
      case VIEWER, MEMBER, OTHER_ORG_SESSION ->
          switch (auth) {
            case KEY, OPERATOR_TOKEN -> UNAUTHENTICATED;
            case WEBHOOK_SIGNED -> REFUSED;
            default -> {
              if (caller == Caller.OTHER_ORG_SESSION) {
                yield names ? NOT_FOUND : ISOLATED;
              }
              yield row.role().allows(caller.rank()) ? ALLOWED : FORBIDDEN;
            }
          };
      case OTHER_ORG_KEY ->
          switch (auth) {
            case KEY, KEY_OR_SESSION -> names ? NOT_FOUND : ISOLATED;
            case SESSION -> FORBIDDEN;
            case PAGE, OPERATOR_TOKEN -> UNAUTHENTICATED;
            default -> REFUSED;
          };
      case KEY_ON_SESSION_ROUTE ->
          switch (auth) {
            case SESSION -> FORBIDDEN;
            case PAGE -> UNAUTHENTICATED;
            default -> SKIP;
          };
      case OWNER -> auth == Auth.WEBHOOK_SIGNED ? SKIP : ALLOWED;
    };
  }

  /** Who calls. */
  enum Caller {
    /** No credentials at all. */
    ANONYMOUS,
    /** A Viewer of org A, by session. */
    VIEWER,
    /** A Member of org A, by session. */
    MEMBER,
    /** The Owner of org B, by session, on org A's ids. */
    OTHER_ORG_SESSION,
    /** Org B's API key, on org A's ids. */
    OTHER_ORG_KEY,
    /** Org A's own API key on a session-only route. */
    KEY_ON_SESSION_ROUTE,
    /** The control: org A's Owner (by session, or org A's key on key routes). */
    OWNER;

    MinRole rank() {
      return switch (this) {
        case VIEWER -> MinRole.VIEWER;
        case MEMBER -> MinRole.MEMBER;
        default -> MinRole.OWNER;
      };
    }
  }
}
