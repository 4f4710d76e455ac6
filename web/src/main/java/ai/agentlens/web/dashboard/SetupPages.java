package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.org.FirstOwner;
import ai.agentlens.core.signin.LoginSessions;
import ai.agentlens.core.signin.SignIn;
import ai.agentlens.web.auth.ClientIp;
import ai.agentlens.web.auth.SessionCookies;
import ai.agentlens.web.dashboard.support.FormTokens;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.support.Redirects;
import ai.agentlens.web.dashboard.view.AuthForm;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.HashMap;
import java.util.Map;

/**
 * Self-hosted's first run (issue 19): {@code GET /setup} offers "create the owner account" while no
 * user exists; {@code POST /setup} creates the verified owner of the install's org, signs them in
 * and goes to onboarding (a key and the first event). Once a user exists both send to sign-in.
 * Present only where {@link FirstOwner} is (the self-hosted launcher).
 */
@Controller("/setup")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Requires(beans = FirstOwner.class)
public class SetupPages {

  private final FirstOwner firstOwner;
  private final SignIn signIn;
  private final ClientIp ip;

  SetupPages(FirstOwner firstOwner, SignIn signIn, ClientIp ip) {
    this.firstOwner = firstOwner;
    this.signIn = signIn;
    this.ip = ip;
  }

  @Get
  MutableHttpResponse<?> page(HttpRequest<?> request) {
    if (!firstOwner.open()) {
      return Redirects.to("/sign-in");
    }
    return form(request, HttpStatus.OK, null, Map.of());
  }

  @Post
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> create(HttpRequest<?> request, @Body Map<String, String> form) {
    if (!firstOwner.open()) {
      return Redirects.to("/sign-in");
    }
    Map<String, String> keep =
        Map.of(
            "email", AuthPages.or(form.get("email")),
            "displayName", AuthPages.or(form.get("displayName")));
    try {
      FormTokens.check(request, form);
      firstOwner.create(form.get("email"), form.get("password"), form.get("displayName"));
      LoginSessions.Started s =
          signIn.withPassword(form.get("email"), form.get("password"), ip.of(request));
      return SessionCookies.set(Redirects.to("/onboarding"), s);
    } catch (AccountException e) {
      return form(request, AuthPages.status(e), e.getMessage(), keep);
    }
  }

  private static MutableHttpResponse<?> form(
      HttpRequest<?> request, HttpStatus status, String error, Map<String, String> values) {
    String token = FormTokens.of(request);
    AuthForm page =
        new AuthForm(
            "Create the owner account", token, error, null, new HashMap<>(values), false, false);
    return FormTokens.keep(Pages.status(status, "setup", page), token);
  }
}
