package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.Invitation;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.org.InvitationSignUp;
import ai.agentlens.core.org.Invitations;
import ai.agentlens.core.org.OrgAdmin;
import ai.agentlens.core.read.EventReads;
import ai.agentlens.core.signin.LoginSessions;
import ai.agentlens.web.auth.ClientIp;
import ai.agentlens.web.auth.SessionCookies;
import ai.agentlens.web.dashboard.support.Flash;
import ai.agentlens.web.dashboard.support.FormTokens;
import ai.agentlens.web.dashboard.support.OrgContext;
import ai.agentlens.web.dashboard.support.PageAuth;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.support.Redirects;
import ai.agentlens.web.dashboard.view.InvitationPage;
import ai.agentlens.web.dashboard.view.NewOrgPage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The start page, creating an org, switching orgs (FR-49, FR-50) and accepting an invitation. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class OrgPages {

  /** The sections an org switch may return to; anything else reopens the start page. */
  static final Set<String> SECTIONS =
      Set.of(
          "/sessions",
          "/analytics",
          "/onboarding",
          "/org/keys",
          "/org/members",
          "/org/settings",
          "/org/audit",
          "/org/data",
          "/org/usage",
          "/usage");

  private final PageAuth auth;
  private final OrgContext context;
  private final OrgAdmin orgs;
  private final LoginSessions sessions;
  private final EventReads events;
  private final Invitations invitations;
  private final InvitationSignUp invitationSignUp;
  private final ClientIp ip;

  OrgPages(
      PageAuth auth,
      OrgContext context,
      OrgAdmin orgs,
      LoginSessions sessions,
      EventReads events,
      Invitations invitations,
      InvitationSignUp invitationSignUp,
      ClientIp ip) {
    this.auth = auth;
    this.context = context;
    this.orgs = orgs;
    this.sessions = sessions;
    this.events = events;
    this.invitations = invitations;
    this.invitationSignUp = invitationSignUp;
    this.ip = ip;
  }

  @Get
  MutableHttpResponse<?> home(HttpRequest<?> request) {
    OrgContext.Current c = context.require(request);
    boolean empty = !events.any(c.orgId());
    return Redirects.to(empty ? "/onboarding" : "/sessions");
  }

  @Get("/orgs/new")
  MutableHttpResponse<?> newOrg(HttpRequest<?> request) {
    PageAuth.Signed s = auth.require(request);
    boolean has = !orgs.listMine(s.caller()).isEmpty();
    return Pages.ok("org-new", new NewOrgPage(s.user().displayName(), s.csrf(), has, null, ""));
  }

  @Post("/orgs")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> create(HttpRequest<?> request, @Body Map<String, String> form) {
    PageAuth.Signed s = auth.requireForm(request, form);
    String name = form.getOrDefault("name", "");
    try {
      Org org = orgs.create(s.caller(), name, blankToNull(form.get("slug")));
      sessions.switchOrg(s.session(), org.id());
      return Flash.ok(Redirects.to("/onboarding"), "Created " + org.name() + ".");
    } catch (AccountException e) {
      boolean has = !orgs.listMine(s.caller()).isEmpty();
      return Pages.status(
          AuthPages.status(e),
          "org-new",
          new NewOrgPage(s.user().displayName(), s.csrf(), has, e.getMessage(), name));
    }
  }

  @Post("/switch-org")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> switchOrg(HttpRequest<?> request, @Body Map<String, String> form) {
    PageAuth.Signed s = auth.requireForm(request, form);
    OrgAdmin.MyOrg org = orgs.get(s.caller(), form.get("orgId"));
    sessions.switchOrg(s.session(), org.org().id());
    String back = form.getOrDefault("returnTo", "/");
    return Flash.ok(
        Redirects.to(SECTIONS.contains(back) ? back : "/"),
        "Switched to " + org.org().name() + ".");
  }

  @Get("/invitations/accept")
  MutableHttpResponse<?> invitation(
      HttpRequest<?> request,
      @Nullable @QueryValue String org,
      @Nullable @QueryValue String token) {
    Invitation inv = invitations.pending(org, token);
    Optional<PageAuth.Signed> s = auth.current(request);
    String csrf = s.map(PageAuth.Signed::csrf).orElseGet(() -> FormTokens.of(request));
    MutableHttpResponse<?> page =
        Pages.ok(
            "invitation",
            new InvitationPage(
                csrf,
                org,
                token,
                inv.email(),
                inv.role().wireName(),
                s.map(x -> x.user().email()).orElse(null),
                null));
    return s.isPresent() ? page : FormTokens.keep(page, csrf);
  }

  @Post("/invitations/accept")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> accept(HttpRequest<?> request, @Body Map<String, String> form) {
    String org = form.get("org");
    String token = form.get("token");
    Optional<PageAuth.Signed> signed = auth.current(request);
    try {
      if (signed.isEmpty()) {
        FormTokens.check(request, form);
        InvitationSignUp.Joined j =
            invitationSignUp.join(
                org, token, form.get("password"), form.get("displayName"), ip.of(request));
        sessions.switchOrg(j.session().session(), j.membership().orgId());
        return SessionCookies.set(Flash.ok(Redirects.to("/"), "Welcome aboard."), j.session());
      }
      PageAuth.Signed s = auth.requireForm(request, form);
      Invitation inv = invitations.pending(org, token);
      invitations.accept(s.user(), inv, s.caller().ip());
      sessions.switchOrg(s.session(), inv.orgId());
      return Flash.ok(Redirects.to("/"), "You joined the org as " + inv.role().wireName() + ".");
    } catch (AccountException e) {
      Invitation inv = invitations.pending(org, token);
      String csrf = signed.map(PageAuth.Signed::csrf).orElseGet(() -> FormTokens.of(request));
      MutableHttpResponse<?> page =
          Pages.status(
              AuthPages.status(e),
              "invitation",
              new InvitationPage(
                  csrf,
                  org,
                  token,
                  inv.email(),
                  inv.role().wireName(),
                  signed.map(x -> x.user().email()).orElse(null),
                  e.getMessage()));
      return signed.isPresent() ? page : FormTokens.keep(page, csrf);
    }
  }

  @Error(exception = AccountException.class)
  MutableHttpResponse<?> refused(AccountException e) {
    return Pages.error(e);
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
