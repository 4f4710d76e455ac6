package ai.agentlens.web.oauth;

import ai.agentlens.core.account.Secrets;
import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.signin.LoginSessions;
import ai.agentlens.core.signin.OAuthSignIn;
import ai.agentlens.web.auth.ClientIp;
import ai.agentlens.web.auth.RequestOrigin;
import ai.agentlens.web.auth.SessionCookies;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Duration;

/**
 * OAuth sign-in with Google (OIDC) and GitHub (OAuth2) (FR-01, FR-46): {@code GET
 * /api/auth/oauth/{provider}/login} redirects to the provider with a random state and nonce (kept
 * in a short-lived HTTP-only cookie); {@code .../callback} checks the state, exchanges the code,
 * links or creates the account, sets the session cookies and redirects to the dashboard.
 */
@Controller("/api/auth/oauth/{provider}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class OAuthController {

  static final String STATE_COOKIE = "al_oauth";

  private final OAuthProviders providers;
  private final OAuthCodeFlow flow;
  private final OAuthSignIn signIn;
  private final ClientIp ip;
  private final RequestOrigin origin;
  private final String successRedirect;

  OAuthController(
      OAuthProviders providers,
      OAuthCodeFlow flow,
      OAuthSignIn signIn,
      ClientIp ip,
      RequestOrigin origin,
      @Value("${agentlens.oauth.success-redirect:/}") String successRedirect) {
    this.providers = providers;
    this.flow = flow;
    this.signIn = signIn;
    this.ip = ip;
    this.origin = origin;
    this.successRedirect = successRedirect;
  }

  @Get("/login")
  MutableHttpResponse<?> login(HttpRequest<?> request, @PathVariable String provider) {
    OAuthProviders.Provider p = provider(provider);
    String state = Secrets.token();
    String nonce = Secrets.token();
    return found(flow.authorizationUrl(p, callback(request, provider), state, nonce))
        .cookie(
            Cookie.of(STATE_COOKIE, state + "." + nonce)
                .httpOnly(true)
                .secure(true)
                // why: the callback is a top-level navigation from the provider's site
                .sameSite(SameSite.Lax)
                .path("/api/auth/oauth")
                .maxAge(Duration.ofMinutes(10)));
  }

  @Get("/callback")
  MutableHttpResponse<?> callback(
      HttpRequest<?> request,
      @PathVariable String provider,
      @Nullable @QueryValue String code,
      @Nullable @QueryValue String state,
      @Nullable @QueryValue String error) {
    OAuthProviders.Provider p = provider(provider);
    if (error != null) {
      throw new AccountException(
          AccountException.Kind.UNAUTHENTICATED, "OAuth sign-in was refused by " + provider);
    }
    String saved = request.getCookies().findCookie(STATE_COOKIE).map(Cookie::getValue).orElse("");
    int dot = saved.indexOf('.');
    if (code == null || state == null || dot < 0 || !Secrets.same(saved.substring(0, dot), state)) {
      throw new AccountException(
          AccountException.Kind.INVALID, "OAuth state mismatch: start the sign-in again");
    }
    OAuthSignIn.Profile profile =
        flow.exchange(p, code, callback(request, provider), saved.substring(dot + 1));
    LoginSessions.Started s = signIn.signIn(profile, ip.of(request));
    return SessionCookies.set(found(successRedirect), s)
        .cookie(Cookie.of(STATE_COOKIE, "").path("/api/auth/oauth").maxAge(0));
  }

  private static MutableHttpResponse<?> found(String location) {
    return HttpResponse.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location);
  }

  private OAuthProviders.Provider provider(String name) {
    return providers
        .find(name)
        .orElseThrow(
            () ->
                new AccountException(
                    AccountException.Kind.NOT_FOUND, "OAuth provider not configured: " + name));
  }

  private String callback(HttpRequest<?> request, String provider) {
    return origin.baseUrl(request) + "/api/auth/oauth/" + provider + "/callback";
  }
}
