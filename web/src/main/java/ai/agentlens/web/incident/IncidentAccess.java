package ai.agentlens.web.incident;

import ai.agentlens.core.incident.Incidents;
import ai.agentlens.web.auth.OwnerAdminWrites;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Who may read and change incidents and incident rules: any member (or an org API key) reads;
 * changes need an org API key (keys are created by Owners and Admins only) or a signed-in Owner or
 * Admin with the CSRF token. Members and Viewers get 403.
 */
@Singleton
class IncidentAccess {

  /**
   * An authorized change.
   *
   * @param orgId the org
   * @param actor who, for the audit log
   */
  record Writer(String orgId, Incidents.Actor actor) {}

  private final OwnerAdminWrites access;

  IncidentAccess(OwnerAdminWrites access) {
    this.access = access;
  }

  /**
   * Authenticates a read.
   *
   * @param request the request
   * @return the org to read
   */
  String reader(HttpRequest<?> request) {
    return access.reader(request);
  }

  /**
   * Authenticates and authorizes a change.
   *
   * @param request the request
   * @return the org and actor
   */
  Writer writer(HttpRequest<?> request) {
    OwnerAdminWrites.Change c =
        access.writer(request, "changing incidents and their rules needs the Owner or Admin role");
    return new Writer(c.orgId(), new Incidents.Actor(c.actorType(), c.actor(), c.from()));
  }
}
