package ai.agentlens.web.account;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.org.OrgAdmin;
import ai.agentlens.core.port.storage.UserStore;
import ai.agentlens.core.signin.LoginSessions;
import ai.agentlens.core.signin.PersonalData;
import ai.agentlens.web.auth.SessionAuth;
import ai.agentlens.web.auth.SessionCookies;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The signed-in user: profile (FR-12), orgs and the current org (FR-07), personal data export
 * (PC-10), account deletion (FR-12, FR-72).
 */
@Controller("/api/me")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MeController {

  /**
   * Who is signed in.
   *
   * @param user the user
   * @param orgs the user's orgs with roles
   * @param currentOrgId the current org, or {@code null}
   * @param csrfToken the session's CSRF token
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Me(
      Views.UserView user, List<Views.OrgView> orgs, String currentOrgId, String csrfToken) {}

  /**
   * A personal data export.
   *
   * @param user the profile
   * @param memberships memberships
   * @param activity the user's audit entries
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Export(
      Views.UserView user,
      List<Views.MembershipView> memberships,
      List<Views.AuditView> activity) {}

  private final SessionAuth auth;
  private final UserStore users;
  private final OrgAdmin orgs;
  private final PersonalData personal;
  private final LoginSessions sessions;

  MeController(
      SessionAuth auth,
      UserStore users,
      OrgAdmin orgs,
      PersonalData personal,
      LoginSessions sessions) {
    this.auth = auth;
    this.users = users;
    this.orgs = orgs;
    this.personal = personal;
    this.sessions = sessions;
  }

  @Get
  Me me(HttpRequest<?> request) {
    SessionAuth.Authenticated a = auth.require(request);
    User u = users.find(a.caller().userId()).orElseThrow();
    List<OrgAdmin.MyOrg> mine = orgs.listMine(a.caller());
    String stored = a.session().currentOrgId();
    String current =
        stored != null && mine.stream().anyMatch(m -> m.org().id().equals(stored)) ? stored : null;
    return new Me(
        Views.UserView.of(u),
        mine.stream().map(Views.OrgView::of).toList(),
        current,
        a.session().csrfToken());
  }

  @Patch
  Views.UserView update(HttpRequest<?> request, @Body Requests.Profile body) {
    SessionAuth.Authenticated a = auth.require(request);
    return Views.UserView.of(
        personal.updateProfile(a.caller(), body.displayName(), body.avatarUrl()));
  }

  @Put("/current-org")
  Views.OrgView switchOrg(HttpRequest<?> request, @Body Requests.OrgRef body) {
    SessionAuth.Authenticated a = auth.require(request);
    if (body.orgId() == null || body.orgId().isBlank()) {
      throw new AccountException(AccountException.Kind.INVALID, "orgId: missing");
    }
    OrgAdmin.MyOrg org = orgs.get(a.caller(), body.orgId());
    sessions.switchOrg(a.session(), org.org().id());
    return Views.OrgView.of(org);
  }

  @Get("/export")
  Export export(HttpRequest<?> request) {
    SessionAuth.Authenticated a = auth.require(request);
    PersonalData.Export e = personal.export(a.caller());
    return new Export(
        Views.UserView.of(e.user()),
        e.memberships().stream().map(Views.MembershipView::of).toList(),
        e.activity().stream().map(Views.AuditView::of).toList());
  }

  @Get("/deletions")
  DeletionViews.DeletionList deletions(HttpRequest<?> request) {
    SessionAuth.Authenticated a = auth.require(request);
    return DeletionViews.DeletionList.of(orgs.deletions(a.caller()));
  }

  @Delete
  MutableHttpResponse<Void> delete(HttpRequest<?> request) {
    SessionAuth.Authenticated a = auth.require(request);
    personal.deleteAccount(a.caller());
    return SessionCookies.clear(HttpResponse.noContent());
  }
}
