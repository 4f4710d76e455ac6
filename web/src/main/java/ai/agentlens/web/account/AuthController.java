package ai.agentlens.web.account;

import ai.agentlens.core.account.model.User;
import ai.agentlens.core.port.storage.UserStore;
import ai.agentlens.core.signin.LoginSessions;
import ai.agentlens.core.signin.PasswordReset;
import ai.agentlens.core.signin.Registration;
import ai.agentlens.core.signin.SignIn;
import ai.agentlens.web.auth.ClientIp;
import ai.agentlens.web.auth.SessionAuth;
import ai.agentlens.web.auth.SessionCookies;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * E-mail/password authentication (FR-01, FR-02, FR-47, FR-52, NFR-22): sign-up, verification,
 * sign-in (sets the session cookies), sign-out, password reset.
 */
@Controller("/api/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuthController {

  /**
   * The answer to a sign-in: who signed in and the CSRF token to echo in {@code X-CSRF-Token}.
   *
   * @param user the user
   * @param currentOrgId the session's current org, or {@code null}
   * @param csrfToken the session's CSRF token
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Signed(Views.UserView user, String currentOrgId, String csrfToken) {}

  private final Registration registration;
  private final SignIn signIn;
  private final PasswordReset reset;
  private final SessionAuth auth;
  private final UserStore users;
  private final ClientIp ip;

  AuthController(
      Registration registration,
      SignIn signIn,
      PasswordReset reset,
      SessionAuth auth,
      UserStore users,
      ClientIp ip) {
    this.registration = registration;
    this.signIn = signIn;
    this.reset = reset;
    this.auth = auth;
    this.users = users;
    this.ip = ip;
  }

  @Post("/signup")
  HttpResponse<Views.UserView> signUp(@Body Requests.SignUp body) {
    User u = registration.signUp(body.email(), body.password(), body.displayName());
    return HttpResponse.created(Views.UserView.of(u));
  }

  @Post("/verify")
  Map<String, Object> verify(@Body Requests.Token body) {
    return Map.of("verified", true, "userId", registration.verify(body.token()));
  }

  @Post("/login")
  MutableHttpResponse<Signed> login(HttpRequest<?> request, @Body Requests.Login body) {
    LoginSessions.Started s = signIn.withPassword(body.email(), body.password(), ip.of(request));
    return SessionCookies.set(HttpResponse.ok(signed(s)), s);
  }

  @Post("/logout")
  MutableHttpResponse<Void> logout(HttpRequest<?> request) {
    SessionAuth.Authenticated a = auth.require(request);
    signIn.signOut(a.session(), a.caller().ip());
    return SessionCookies.clear(HttpResponse.noContent());
  }

  @Post("/password-reset")
  HttpResponse<Map<String, Object>> requestReset(@Body Requests.Email body) {
    reset.request(body.email());
    return HttpResponse.status(HttpStatus.ACCEPTED)
        .body(Map.of("message", "If the address has an account, a reset link was sent"));
  }

  @Post("/password-reset/confirm")
  Map<String, Object> confirmReset(HttpRequest<?> request, @Body Requests.NewPassword body) {
    reset.confirm(body.token(), body.password(), ip.of(request));
    return Map.of("reset", true);
  }

  Signed signed(LoginSessions.Started s) {
    User u = users.find(s.session().userId()).orElseThrow();
    return new Signed(Views.UserView.of(u), s.session().currentOrgId(), s.session().csrfToken());
  }
}
