package ai.agentlens.web.account;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.org.Invitations;
import ai.agentlens.core.org.MemberAdmin;
import ai.agentlens.web.auth.SessionAuth;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Locale;

/** Members and invitations of an org (FR-05, FR-10, AC-03, AC-04). */
@Controller("/api/orgs/{orgId}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MemberController {

  private final SessionAuth auth;
  private final MemberAdmin members;
  private final Invitations invitations;

  MemberController(SessionAuth auth, MemberAdmin members, Invitations invitations) {
    this.auth = auth;
    this.members = members;
    this.invitations = invitations;
  }

  @Get("/members")
  Views.MemberList list(HttpRequest<?> request, @PathVariable String orgId) {
    SessionAuth.Authenticated a = auth.require(request);
    return new Views.MemberList(
        members.list(a.caller(), orgId).stream().map(Views.MemberView::of).toList());
  }

  @Patch("/members/{userId}")
  HttpResponse<Void> changeRole(
      HttpRequest<?> request,
      @PathVariable String orgId,
      @PathVariable String userId,
      @Body Requests.RoleChange body) {
    SessionAuth.Authenticated a = auth.require(request);
    members.changeRole(a.caller(), orgId, userId, role(body.role()));
    return HttpResponse.noContent();
  }

  @Delete("/members/{userId}")
  HttpResponse<Void> remove(
      HttpRequest<?> request, @PathVariable String orgId, @PathVariable String userId) {
    members.remove(auth.require(request).caller(), orgId, userId);
    return HttpResponse.noContent();
  }

  @Post("/invitations")
  HttpResponse<Views.InvitationView> invite(
      HttpRequest<?> request, @PathVariable String orgId, @Body Requests.Invite body) {
    SessionAuth.Authenticated a = auth.require(request);
    Invitations.Sent sent = invitations.invite(a.caller(), orgId, body.email(), role(body.role()));
    return HttpResponse.created(Views.InvitationView.of(sent.invitation()));
  }

  @Get("/invitations")
  Views.InvitationList pending(HttpRequest<?> request, @PathVariable String orgId) {
    SessionAuth.Authenticated a = auth.require(request);
    return new Views.InvitationList(
        invitations.listPending(a.caller(), orgId).stream().map(Views.InvitationView::of).toList());
  }

  @Delete("/invitations/{invitationId}")
  HttpResponse<Void> revoke(
      HttpRequest<?> request, @PathVariable String orgId, @PathVariable String invitationId) {
    invitations.revoke(auth.require(request).caller(), orgId, invitationId);
    return HttpResponse.noContent();
  }

  static Role role(String raw) {
    return Role.fromWireName(raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT))
        .orElseThrow(
            () ->
                new AccountException(
                    AccountException.Kind.INVALID, "role: one of admin, member, viewer"));
  }
}
