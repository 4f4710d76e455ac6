package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.org.FirstOwner;
import ai.agentlens.core.signin.LoginSessions;
import ai.agentlens.core.signin.PasswordReset;
import ai.agentlens.core.signin.Registration;
import ai.agentlens.core.signin.SignIn;
import ai.agentlens.web.auth.ClientIp;
import ai.agentlens.web.auth.SessionCookies;
import ai.agentlens.web.dashboard.support.FormTokens;
import ai.agentlens.web.dashboard.support.PageAuth;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.support.Redirects;
import ai.agentlens.web.dashboard.view.AuthForm;
import ai.agentlens.web.error.AccountErrorHandler;
import ai.agentlens.web.oauth.OAuthProviders;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.HashMap;
import java.util.Map;

/**
 * The public pages (FR-45..FR-47, FR-52): sign-in with e-mail and password or Google/GitHub,
 * sign-up, the verification landing, password reset. They call the account use cases and set the
 * same session cookies as the JSON API.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class AuthPages {

  private final SignIn signIn;
  private final Registration registration;
  private final PasswordReset reset;
  private final PageAuth auth;
  private final OAuthProviders oauth;
  private final ClientIp ip;
  private final String outbox;
  private final FirstOwner firstOwner;

  AuthPages(
      SignIn signIn,
      Registration registration,
      PasswordReset reset,
      PageAuth auth,
      OAuthProviders oauth,
      ClientIp ip,
      @Nullable @Value("${agentlens.mail.smtp.host:}") String smtpHost,
      @Nullable @Value("${agentlens.mail.outbox-dir:}") String outboxDir,
      @Nullable FirstOwner firstOwner) {
    this.firstOwner = firstOwner;
    this.signIn = signIn;
    this.registration = registration;
    this.reset = reset;
    this.auth = auth;
    this.oauth = oauth;
    this.ip = ip;
    // why: without SMTP the self-hosted launcher writes mails to a folder; say where, not "sent"
    this.outbox =
        (smtpHost == null || smtpHost.isBlank()) && outboxDir != null && !outboxDir.isBlank()
            ? outboxDir
            : "";
  }

  @Get("/sign-in")
  MutableHttpResponse<?> signInPage(HttpRequest<?> request, @Nullable @QueryValue String next) {
    if (auth.current(request).isPresent()) {
      return Redirects.to(next == null ? "/" : next);
    }
    if (firstOwner != null && firstOwner.open()) {
      return Redirects.to("/setup");
    }
    return form(request, HttpStatus.OK, "sign-in", "Sign in", null, null, Map.of("next", or(next)));
  }

  @Post("/sign-in")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> signIn(HttpRequest<?> request, @Body Map<String, String> form) {
    Map<String, String> keep = Map.of("email", or(form.get("email")), "next", or(form.get("next")));
    try {
      FormTokens.check(request, form);
      LoginSessions.Started s =
          signIn.withPassword(form.get("email"), form.get("password"), ip.of(request));
      String next = form.get("next");
      return SessionCookies.set(Redirects.to(next == null || next.isBlank() ? "/" : next), s);
    } catch (AccountException e) {
      MutableHttpResponse<?> page =
          form(request, status(e), "sign-in", "Sign in", e.getMessage(), null, keep);
      if (e.kind() == AccountException.Kind.LOCKED) {
        page.header("Retry-After", AccountErrorHandler.retryAfter(e));
      }
      return page;
    }
  }

  @Get("/sign-up")
  MutableHttpResponse<?> signUpPage(HttpRequest<?> request) {
    if (firstOwner != null && firstOwner.open()) {
      return Redirects.to("/setup");
    }
    return form(request, HttpStatus.OK, "sign-up", "Create your account", null, null, Map.of());
  }

  @Post("/sign-up")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> signUp(HttpRequest<?> request, @Body Map<String, String> form) {
    Map<String, String> keep =
        Map.of(
            "email",
            or(form.get("email")),
            "displayName",
            or(form.get("displayName")),
            "outbox",
            outbox);
    try {
      FormTokens.check(request, form);
      registration.signUp(form.get("email"), form.get("password"), form.get("displayName"));
      return form(
          request,
          HttpStatus.OK,
          "check-mail",
          "Check your e-mail",
          null,
          (outbox.isEmpty()
                  ? "We sent a verification link to "
                  : "We wrote a verification link for ")
              + form.get("email").trim()
              + ".",
          keep);
    } catch (AccountException e) {
      return form(request, status(e), "sign-up", "Create your account", e.getMessage(), null, keep);
    }
  }

  @Get("/verify-email")
  MutableHttpResponse<?> verifyPage(HttpRequest<?> request, @Nullable @QueryValue String token) {
    return form(
        request,
        HttpStatus.OK,
        "verify",
        "Verify your e-mail",
        null,
        null,
        Map.of("token", or(token)));
  }

  @Post("/verify-email")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> verify(HttpRequest<?> request, @Body Map<String, String> form) {
    try {
      FormTokens.check(request, form);
      registration.verify(form.get("token"));
      return form(
          request,
          HttpStatus.OK,
          "sign-in",
          "Sign in",
          null,
          "Your e-mail address is verified. Sign in to continue.",
          Map.of());
    } catch (AccountException e) {
      return form(
          request,
          status(e),
          "verify",
          "Verify your e-mail",
          e.getMessage(),
          null,
          Map.of("token", or(form.get("token"))));
    }
  }

  @Get("/forgot-password")
  MutableHttpResponse<?> forgotPage(HttpRequest<?> request) {
    return form(request, HttpStatus.OK, "forgot", "Reset your password", null, null, Map.of());
  }

  @Post("/forgot-password")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> forgot(HttpRequest<?> request, @Body Map<String, String> form) {
    Map<String, String> keep = Map.of("email", or(form.get("email")));
    try {
      FormTokens.check(request, form);
      reset.request(form.get("email"));
      return form(
          request,
          HttpStatus.OK,
          "forgot",
          "Reset your password",
          null,
          "If the address has an account, we sent a reset link to it. The link is valid for one"
              + " hour.",
          keep);
    } catch (AccountException e) {
      return form(request, status(e), "forgot", "Reset your password", e.getMessage(), null, keep);
    }
  }

  @Get("/reset-password")
  MutableHttpResponse<?> resetPage(HttpRequest<?> request, @Nullable @QueryValue String token) {
    return form(
        request,
        HttpStatus.OK,
        "reset",
        "Choose a new password",
        null,
        null,
        Map.of("token", or(token)));
  }

  @Post("/reset-password")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> resetPassword(HttpRequest<?> request, @Body Map<String, String> form) {
    try {
      FormTokens.check(request, form);
      reset.confirm(form.get("token"), form.get("password"), ip.of(request));
      return form(
          request,
          HttpStatus.OK,
          "sign-in",
          "Sign in",
          null,
          "Your password was changed. Sign in with the new one.",
          Map.of());
    } catch (AccountException e) {
      return form(
          request,
          status(e),
          "reset",
          "Choose a new password",
          e.getMessage(),
          null,
          Map.of("token", or(form.get("token"))));
    }
  }

  @Post("/sign-out")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> signOut(HttpRequest<?> request, @Body Map<String, String> form) {
    PageAuth.Signed s = auth.requireForm(request, form);
    signIn.signOut(s.session(), s.caller().ip());
    return SessionCookies.clear(Redirects.to("/sign-in"));
  }

  private MutableHttpResponse<?> form(
      HttpRequest<?> request,
      HttpStatus status,
      String view,
      String title,
      String error,
      String notice,
      Map<String, String> values) {
    String token = FormTokens.of(request);
    AuthForm page =
        new AuthForm(
            title,
            token,
            error,
            notice,
            new HashMap<>(values),
            oauth.find("google").isPresent(),
            oauth.find("github").isPresent());
    return FormTokens.keep(Pages.status(status, view, page), token);
  }

  static HttpStatus status(AccountException e) {
    return switch (e.kind()) {
      case INVALID -> HttpStatus.BAD_REQUEST;
      case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
      case LIMIT -> HttpStatus.PAYMENT_REQUIRED;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
      case LOCKED -> HttpStatus.TOO_MANY_REQUESTS;
    };
  }

  static String or(String s) {
    return s == null ? "" : s;
  }
}
