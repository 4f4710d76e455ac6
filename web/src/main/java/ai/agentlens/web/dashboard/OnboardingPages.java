package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.read.EventReads;
import ai.agentlens.web.auth.RequestOrigin;
import ai.agentlens.web.dashboard.support.Flash;
import ai.agentlens.web.dashboard.support.OrgContext;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.view.OnboardingPage;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Onboarding for an org without events: the environment variables the SDKs read, a copy-paste curl,
 * and a status box that htmx polls until the first event arrives.
 */
@Controller("/onboarding")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class OnboardingPages {

  private final OrgContext context;
  private final EventReads events;
  private final RequestOrigin origin;

  OnboardingPages(OrgContext context, EventReads events, RequestOrigin origin) {
    this.context = context;
    this.events = events;
    this.origin = origin;
  }

  @Get
  MutableHttpResponse<?> onboarding(HttpRequest<?> request) {
    OrgContext.Current c = context.require(request);
    return Pages.shown(
        request,
        "onboarding",
        new OnboardingPage(
            context.layout(c, "Get started", "onboarding").withFlash(Flash.read(request)),
            serverUrl(request),
            events.any(c.orgId()),
            c.can(Permission.MANAGE_KEYS)));
  }

  @Get("/status")
  MutableHttpResponse<?> status(HttpRequest<?> request) {
    OrgContext.Current c = context.require(request);
    return Pages.ok("onboarding-status", Boolean.valueOf(events.any(c.orgId())));
  }

  @Error(exception = AccountException.class)
  MutableHttpResponse<?> refused(AccountException e) {
    return Pages.error(e);
  }

  private String serverUrl(HttpRequest<?> request) {
    return origin.baseUrl(request);
  }
}
