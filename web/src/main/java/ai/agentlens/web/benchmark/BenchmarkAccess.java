package ai.agentlens.web.benchmark;

import ai.agentlens.core.account.Access;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.web.auth.SessionAuth;
import ai.agentlens.web.auth.SessionOrKeyAuth;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Who may read and change benchmarks. Reads: any member of the org (session) or an API key of it.
 * Changes: an API key, or a session of a role with {@link Permission#WRITE_DATA} ("create and
 * configure sessions, benchmarks": Owner, Admin, Member) with its CSRF token; a Viewer gets 403.
 */
@Singleton
public class BenchmarkAccess {

  private final SessionOrKeyAuth auth;
  private final SessionAuth sessions;
  private final Access access;

  BenchmarkAccess(SessionOrKeyAuth auth, SessionAuth sessions, Access access) {
    this.auth = auth;
    this.sessions = sessions;
    this.access = access;
  }

  /**
   * Requires a reader.
   *
   * @param request the request
   * @return the caller's org
   */
  public String read(HttpRequest<?> request) {
    return auth.require(request).orgId();
  }

  /**
   * Requires a writer.
   *
   * @param request the request
   * @return the caller's org
   */
  public String write(HttpRequest<?> request) {
    SessionOrKeyAuth.Caller c = auth.require(request);
    if (!c.viaKey()) {
      SessionAuth.Authenticated a = sessions.require(request);
      access.require(a.caller(), c.orgId(), Permission.WRITE_DATA);
    }
    return c.orgId();
  }
}
