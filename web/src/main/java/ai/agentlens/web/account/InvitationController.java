package ai.agentlens.web.account;

import ai.agentlens.core.account.model.Invitation;
import ai.agentlens.core.account.model.LoginSession;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.org.InvitationSignUp;
import ai.agentlens.core.org.Invitations;
import ai.agentlens.core.port.storage.UserStore;
import ai.agentlens.web.auth.ClientIp;
import ai.agentlens.web.auth.SessionAuth;
import ai.agentlens.web.auth.SessionCookies;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;

/**
 * Accepting an invitation (FR-05, AC-03): a signed-in user whose address matches joins; without a
 * session, a new user signs up through the link (password in the body) and is signed in.
 */
@Controller("/api/invitations")
@ExecuteOn(TaskExecutors.BLOCKING)
public class InvitationController {

  private final SessionAuth auth;
  private final Invitations invitations;
  private final InvitationSignUp signUp;
  private final UserStore users;
  private final ClientIp ip;

  InvitationController(
      SessionAuth auth,
      Invitations invitations,
      InvitationSignUp signUp,
      UserStore users,
      ClientIp ip) {
    this.auth = auth;
    this.invitations = invitations;
    this.signUp = signUp;
    this.users = users;
    this.ip = ip;
  }

  @Post("/accept")
  MutableHttpResponse<Views.MembershipView> accept(
      HttpRequest<?> request, @Body Requests.Accept body) {
    Optional<LoginSession> session = auth.current(request);
    if (session.isEmpty() && body.password() != null) {
      InvitationSignUp.Joined j =
          signUp.join(
              body.orgId(), body.token(), body.password(), body.displayName(), ip.of(request));
      return SessionCookies.set(
          HttpResponse.created(Views.MembershipView.of(j.membership())), j.session());
    }
    SessionAuth.Authenticated a = auth.require(request);
    Invitation inv = invitations.pending(body.orgId(), body.token());
    User user = users.find(a.caller().userId()).orElseThrow();
    return HttpResponse.created(
        Views.MembershipView.of(invitations.accept(user, inv, a.caller().ip())));
  }
}
