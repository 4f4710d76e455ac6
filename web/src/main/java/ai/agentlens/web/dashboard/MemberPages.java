package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.org.Invitations;
import ai.agentlens.core.org.MemberAdmin;
import ai.agentlens.web.dashboard.support.Flash;
import ai.agentlens.web.dashboard.support.OrgContext;
import ai.agentlens.web.dashboard.support.PageAuth;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.support.Redirects;
import ai.agentlens.web.dashboard.view.Fmt;
import ai.agentlens.web.dashboard.view.Layout;
import ai.agentlens.web.dashboard.view.MembersPage;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Map;

/**
 * The members page (FR-05, FR-48): members with role change and removal, invitations sent and
 * revoked. The member and invitation use cases check the role; the page only hides what the role
 * cannot do.
 */
@Controller("/org")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class MemberPages {

  private static final String MEMBERS = "/org/members";

  private final PageAuth auth;
  private final OrgContext context;
  private final MemberAdmin members;
  private final Invitations invitations;

  MemberPages(PageAuth auth, OrgContext context, MemberAdmin members, Invitations invitations) {
    this.auth = auth;
    this.context = context;
    this.members = members;
    this.invitations = invitations;
  }

  @Get("/members")
  MutableHttpResponse<?> members(HttpRequest<?> request) {
    OrgContext.Current c = context.require(request);
    boolean allowed = c.can(Permission.MANAGE_MEMBERS);
    String me = c.signed().user().id();
    List<MembersPage.Member> rows =
        members.list(c.signed().caller(), c.orgId()).stream()
            .map(
                m ->
                    new MembersPage.Member(
                        m.user().id(),
                        m.user().displayName(),
                        m.user().email(),
                        m.membership().role().wireName(),
                        Fmt.time(m.membership().createdAt()),
                        m.user().id().equals(me)))
            .toList();
    List<MembersPage.Invitation> pending =
        allowed
            ? invitations.listPending(c.signed().caller(), c.orgId()).stream()
                .map(
                    i ->
                        new MembersPage.Invitation(
                            i.id(), i.email(), i.role().wireName(), Fmt.time(i.expiresAt())))
                .toList()
            : List.of();
    Layout layout = context.layout(c, "Members", "members").withFlash(Flash.read(request));
    return Pages.shown(request, "members", new MembersPage(layout, allowed, rows, pending));
  }

  @Post("/members/invite")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> invite(HttpRequest<?> request, @Body Map<String, String> form) {
    OrgContext.Current c = context.of(auth.requireForm(request, form));
    try {
      Role role = Role.fromWireName(form.getOrDefault("role", "")).orElse(null);
      var sent = invitations.invite(c.signed().caller(), c.orgId(), form.get("email"), role);
      return Flash.ok(
          Redirects.to(MEMBERS), "Invitation sent to " + sent.invitation().email() + ".");
    } catch (AccountException e) {
      return Flash.error(Redirects.to(MEMBERS), e.getMessage());
    }
  }

  @Post("/members/{userId}/role")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> changeRole(
      HttpRequest<?> request, @PathVariable String userId, @Body Map<String, String> form) {
    OrgContext.Current c = context.of(auth.requireForm(request, form));
    try {
      Role role =
          Role.fromWireName(form.getOrDefault("role", ""))
              .orElseThrow(
                  () ->
                      new AccountException(
                          AccountException.Kind.INVALID, "Choose admin, member or viewer."));
      members.changeRole(c.signed().caller(), c.orgId(), userId, role);
      return Flash.ok(Redirects.to(MEMBERS), "Role changed to " + role.wireName() + ".");
    } catch (AccountException e) {
      return Flash.error(Redirects.to(MEMBERS), e.getMessage());
    }
  }

  @Post("/members/{userId}/remove")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> remove(
      HttpRequest<?> request, @PathVariable String userId, @Body Map<String, String> form) {
    OrgContext.Current c = context.of(auth.requireForm(request, form));
    try {
      members.remove(c.signed().caller(), c.orgId(), userId);
      return Flash.ok(Redirects.to(MEMBERS), "Member removed.");
    } catch (AccountException e) {
      return Flash.error(Redirects.to(MEMBERS), e.getMessage());
    }
  }

  @Post("/invitations/{id}/revoke")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> revokeInvitation(
      HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
    OrgContext.Current c = context.of(auth.requireForm(request, form));
    try {
      invitations.revoke(c.signed().caller(), c.orgId(), id);
      return Flash.ok(Redirects.to(MEMBERS), "Invitation revoked.");
    } catch (AccountException e) {
      return Flash.error(Redirects.to(MEMBERS), e.getMessage());
    }
  }

  @Error(exception = AccountException.class)
  MutableHttpResponse<?> refused(AccountException e) {
    return Pages.error(e);
  }
}
