package ai.agentlens.web.billing;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.Caller;
import ai.agentlens.core.billing.Billing;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.billing.BillingException;
import ai.agentlens.core.port.billing.BillingInterval;
import ai.agentlens.web.auth.SessionAuth;
import ai.agentlens.web.auth.SessionOrKeyAuth;
import ai.agentlens.web.error.BadRequestException;
import ai.agentlens.web.error.ErrorBody;
import ai.agentlens.web.error.Problem;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The billing API of the signed-in user's current org (cloud only, property {@code
 * agentlens.billing.enabled}): {@code GET /api/billing}, {@code POST /api/billing/checkout} {plan,
 * interval} → {url}, {@code POST /api/billing/portal} → {url}. Owner only (others 403; an API key
 * is never an Owner: 403). 503 with a message when Stripe is not configured; 502 when Stripe
 * refuses or cannot be reached.
 */
@Controller("/api/billing")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "agentlens.billing.enabled", value = "true")
public class BillingController {

  static final String NOT_CONFIGURED =
      "Billing is not configured on this server (set AGENTLENS_STRIPE_SECRET_KEY and the price ids)";

  private final SessionOrKeyAuth auth;
  private final SessionAuth sessions;
  private final BeanProvider<Billing> billing;

  BillingController(SessionOrKeyAuth auth, SessionAuth sessions, BeanProvider<Billing> billing) {
    this.auth = auth;
    this.sessions = sessions;
    this.billing = billing;
  }

  @Get
  MutableHttpResponse<?> overview(HttpRequest<?> request) {
    Target t = target(request);
    if (!billing.isPresent()) {
      return unavailable();
    }
    return HttpResponse.ok(BillingJson.Overview.of(billing.get().overview(t.caller(), t.orgId())));
  }

  @Post("/checkout")
  MutableHttpResponse<?> checkout(HttpRequest<?> request, @Nullable @Body BillingJson.Choose body) {
    Target t = target(request);
    Choice c = parse(body == null ? null : body.plan(), body == null ? null : body.interval());
    if (!billing.isPresent()) {
      return unavailable();
    }
    try {
      Billing.Redirect r = billing.get().choose(t.caller(), t.orgId(), c.plan(), c.interval());
      return HttpResponse.ok(new BillingJson.Url(r.url(), r.changedNow()));
    } catch (BillingException e) {
      return badGateway(e);
    }
  }

  @Post("/portal")
  MutableHttpResponse<?> portal(HttpRequest<?> request) {
    Target t = target(request);
    if (!billing.isPresent()) {
      return unavailable();
    }
    try {
      return HttpResponse.ok(
          new BillingJson.Url(billing.get().portal(t.caller(), t.orgId()), false));
    } catch (BillingException e) {
      return badGateway(e);
    }
  }

  /** The org and user a billing request acts for: a signed-in user's current org. */
  record Target(Caller caller, String orgId) {}

  /** A validated plan choice. */
  record Choice(Plan plan, BillingInterval interval) {}

  Target target(HttpRequest<?> request) {
    SessionOrKeyAuth.Caller c = auth.require(request);
    if (c.viaKey()) {
      throw AccountException.forbidden("Billing needs a signed-in Owner, not an API key");
    }
    SessionAuth.Authenticated a = sessions.require(request);
    return new Target(a.caller(), c.orgId());
  }

  static Choice parse(String plan, String interval) {
    List<Problem> problems = new ArrayList<>();
    Plan p = plan == null ? null : Plan.fromWireName(plan.toLowerCase(Locale.ROOT)).orElse(null);
    if (p != Plan.PRO && p != Plan.TEAM) {
      problems.add(
          new Problem(
              "plan",
              p == Plan.ENTERPRISE
                  ? "enterprise has no checkout: contact us"
                  : "must be one of: pro, team"));
    }
    BillingInterval i =
        interval == null || interval.isBlank()
            ? BillingInterval.MONTHLY
            : BillingInterval.parse(interval.toLowerCase(Locale.ROOT)).orElse(null);
    if (i == null) {
      problems.add(new Problem("interval", "must be one of: monthly, annual"));
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException("Invalid plan choice", problems);
    }
    return new Choice(p, i);
  }

  static MutableHttpResponse<ErrorBody> unavailable() {
    return HttpResponse.<ErrorBody>status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(ErrorBody.of(NOT_CONFIGURED, 503));
  }

  static MutableHttpResponse<ErrorBody> badGateway(BillingException e) {
    return HttpResponse.<ErrorBody>status(HttpStatus.BAD_GATEWAY)
        .body(ErrorBody.of("Stripe could not be reached: " + e.getMessage(), 502));
  }
}
