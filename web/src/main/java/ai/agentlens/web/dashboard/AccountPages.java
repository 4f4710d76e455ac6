package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.org.OrgAdmin;
import ai.agentlens.core.port.deletion.DeletionRequest;
import ai.agentlens.core.signin.PersonalData;
import ai.agentlens.web.auth.SessionCookies;
import ai.agentlens.web.dashboard.support.Flash;
import ai.agentlens.web.dashboard.support.PageAuth;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.support.Redirects;
import ai.agentlens.web.dashboard.view.AccountPage;
import ai.agentlens.web.dashboard.view.ConfirmPage;
import ai.agentlens.web.dashboard.view.Fmt;
import ai.agentlens.web.dashboard.view.Layout;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The user's own pages (FR-12, FR-72, PC-10): profile, personal-data export, the state of the
 * deletions they asked for, and account deletion behind a confirmation step. Framed without an org,
 * so they work for a user whose last org is being deleted. Forms answer with a redirect.
 */
@Controller("/account")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

  private final PageAuth auth;
  private final OrgAdmin orgs;
  private final PersonalData personal;

  AccountPages(PageAuth auth, OrgAdmin orgs, PersonalData personal) {
    this.auth = auth;
    this.orgs = orgs;
    this.personal = personal;
  }

  @Get
  MutableHttpResponse<?> account(HttpRequest<?> request) {
    PageAuth.Signed s = auth.require(request);
    Layout.Flash flash = Flash.read(request);
    String error = flash != null && "error".equals(flash.kind()) ? flash.message() : null;
    String notice = flash != null && !"error".equals(flash.kind()) ? flash.message() : null;
    return Flash.clear(Pages.ok("account", page(s, error, notice)));
  }

  @Post("/profile")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> profile(HttpRequest<?> request, @Body Map<String, String> form) {
    PageAuth.Signed s = auth.requireForm(request, form);
    try {
      String avatar = form.getOrDefault("avatarUrl", "").trim();
      personal.updateProfile(
          s.caller(), form.getOrDefault("displayName", ""), avatar.isEmpty() ? null : avatar);
      return Flash.ok(Redirects.to("/account"), "Profile saved.");
    } catch (AccountException e) {
      return Flash.error(Redirects.to("/account"), e.getMessage());
    }
  }

  @Get("/delete")
  MutableHttpResponse<?> confirmDelete(HttpRequest<?> request) {
    PageAuth.Signed s = auth.require(request);
    return Pages.ok("confirm", deleteConfirmation(s, null));
  }

  @Post("/delete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> delete(HttpRequest<?> request, @Body Map<String, String> form) {
    PageAuth.Signed s = auth.requireForm(request, form);
    if (!s.user().email().equalsIgnoreCase(form.getOrDefault("confirm", "").trim())) {
      return Pages.status(
          io.micronaut.http.HttpStatus.BAD_REQUEST,
          "confirm",
          deleteConfirmation(s, "Type your e-mail address exactly to confirm."));
    }
    try {
      personal.deleteAccount(s.caller());
    } catch (AccountException e) {
      return Pages.status(AuthPages.status(e), "confirm", deleteConfirmation(s, e.getMessage()));
    }
    return SessionCookies.clear(Flash.ok(Redirects.to("/sign-in"), "Your account was deleted."));
  }

  @Error(exception = AccountException.class)
  MutableHttpResponse<?> refused(AccountException e) {
    return Pages.error(e);
  }

  private static ConfirmPage deleteConfirmation(PageAuth.Signed s, String error) {
    return new ConfirmPage(
        s.csrf(),
        "Delete your account",
        List.of(
            "You leave every organization you belong to and are signed out everywhere.",
            "Your profile and sign-in methods are deleted; this cannot be undone.",
            "Audit entries about you stay, with your identity replaced by an anonymous id."),
        "/account/delete",
        "To confirm, type your e-mail address",
        s.user().email(),
        List.of(),
        "Delete my account",
        "/account",
        error);
  }

  private AccountPage page(PageAuth.Signed s, String error, String notice) {
    User u = s.user();
    List<OrgAdmin.MyOrg> mine = orgs.listMine(s.caller());
    Map<String, String> names = new HashMap<>();
    mine.forEach(m -> names.put(m.org().id(), m.org().name()));
    List<AccountPage.Deletion> deletions =
        orgs.deletions(s.caller()).stream()
            .map(
                d ->
                    new AccountPage.Deletion(
                        d.kind().wireName(),
                        subject(d, names),
                        d.state().wireName(),
                        d.attempts(),
                        Fmt.time(d.requestedAt()),
                        d.completedAt() == null ? "" : Fmt.time(d.completedAt())))
            .toList();
    return new AccountPage(
        s.csrf(),
        u.email(),
        u.displayName(),
        u.avatarUrl() == null ? "" : u.avatarUrl(),
        mine.stream().anyMatch(m -> m.role() == Role.OWNER),
        deletions,
        error,
        notice);
  }

  private static String subject(DeletionRequest d, Map<String, String> names) {
    if (d.orgId() == null) {
      return "";
    }
    return names.getOrDefault(d.orgId(), d.orgId());
  }
}
