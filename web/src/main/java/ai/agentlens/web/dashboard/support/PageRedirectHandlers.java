package ai.agentlens.web.dashboard.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Turns the page-flow signals into redirects. */
public final class PageRedirectHandlers {

  private PageRedirectHandlers() {}

  /** A visitor without a session goes to the sign-in page, and comes back after (FR-45). */
  @Singleton
  @Produces
  @Requires(classes = SignInRequired.class)
  public static class SignIn implements ExceptionHandler<SignInRequired, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, SignInRequired e) {
      String next = e.next();
      return Redirects.to(
          "/".equals(next) ? "/sign-in" : "/sign-in?next=" + Redirects.encode(next));
    }
  }

  /** A user without an org goes to create one. */
  @Singleton
  @Produces
  @Requires(classes = NoOrgYet.class)
  public static class NoOrg implements ExceptionHandler<NoOrgYet, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, NoOrgYet e) {
      return Redirects.to("/orgs/new");
    }
  }
}
