package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.billing.Billing;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.billing.BillingException;
import ai.agentlens.core.port.billing.BillingInterval;
import ai.agentlens.web.dashboard.support.Flash;
import ai.agentlens.web.dashboard.support.OrgContext;
import ai.agentlens.web.dashboard.support.PageAuth;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.support.Redirects;
import ai.agentlens.web.dashboard.view.BillingRedirectPage;
import ai.agentlens.web.dashboard.view.Layout;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Locale;
import java.util.Map;

/**
 * The billing page {@code /billing} of the current org (cloud only, Owner only: others see the 403
 * page), from the same {@link Billing} use case as {@code GET /api/billing}; its forms start
 * Checkout for a plan ({@code POST /billing/checkout}: a page that sends the browser on to Stripe,
 * or back here when the subscription changed at once) and open the Customer Portal ({@code POST
 * /billing/portal}), both CSRF-checked. Without Stripe configured the page shows the plan and says
 * so.
 */
@Controller("/billing")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Requires(property = "agentlens.billing.enabled", value = "true")
public class BillingPages {

  static final String NOT_CONFIGURED =
      "Billing is not configured on this server: plans cannot be bought here yet.";

  private final PageAuth auth;
  private final OrgContext context;
  private final BeanProvider<Billing> billing;

  BillingPages(PageAuth auth, OrgContext context, BeanProvider<Billing> billing) {
    this.auth = auth;
    this.context = context;
    this.billing = billing;
  }

  @Get
  MutableHttpResponse<?> page(HttpRequest<?> request) {
    OrgContext.Current c = context.require(request);
    if (!c.can(Permission.MANAGE_BILLING)) {
      throw AccountException.forbidden("Only the org's Owner manages billing");
    }
    Layout layout = context.layout(c, "Billing", "billing").withFlash(Flash.read(request));
    if (!billing.isPresent()) {
      return Pages.shown(
          request,
          "billing",
          BillingPageModel.unconfigured(layout, c.org().plan(), NOT_CONFIGURED));
    }
    return Pages.shown(
        request,
        "billing",
        BillingPageModel.of(layout, billing.get().overview(c.signed().caller(), c.orgId()), true));
  }

  @Post("/checkout")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> checkout(HttpRequest<?> request, @Body Map<String, String> form) {
    OrgContext.Current c = context.of(auth.requireForm(request, form));
    Plan plan =
        Plan.fromWireName(form.getOrDefault("plan", "").toLowerCase(Locale.ROOT))
            .filter(p -> p == Plan.PRO || p == Plan.TEAM)
            .orElse(null);
    BillingInterval interval =
        BillingInterval.parse(form.getOrDefault("interval", "monthly").toLowerCase(Locale.ROOT))
            .orElse(null);
    if (plan == null || interval == null) {
      return Flash.error(Redirects.to("/billing"), "Choose Pro or Team, monthly or annual.");
    }
    if (!billing.isPresent()) {
      return Flash.error(Redirects.to("/billing"), NOT_CONFIGURED);
    }
    try {
      Billing.Redirect r = billing.get().choose(c.signed().caller(), c.orgId(), plan, interval);
      if (r.changedNow()) {
        return Flash.ok(Redirects.to("/billing"), "Upgraded: the new plan applies now.");
      }
      if (r.url().endsWith("/billing")) {
        return Flash.ok(
            Redirects.to("/billing"), "Downgrade scheduled for the end of the billing period.");
      }
      return onward(c, r.url(), "Stripe Checkout");
    } catch (BillingException e) {
      return Flash.error(
          Redirects.to("/billing"), "Stripe could not be reached: " + e.getMessage());
    }
  }

  @Post("/portal")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> portal(HttpRequest<?> request, @Body Map<String, String> form) {
    OrgContext.Current c = context.of(auth.requireForm(request, form));
    if (!billing.isPresent()) {
      return Flash.error(Redirects.to("/billing"), NOT_CONFIGURED);
    }
    try {
      return onward(c, billing.get().portal(c.signed().caller(), c.orgId()), "the Stripe portal");
    } catch (BillingException e) {
      return Flash.error(
          Redirects.to("/billing"), "Stripe could not be reached: " + e.getMessage());
    }
  }

  private MutableHttpResponse<?> onward(OrgContext.Current c, String url, String what) {
    // why: a 303 to Stripe would be blocked by the dashboard's CSP (form-action 'self')
    return Pages.ok(
        "billing-redirect",
        new BillingRedirectPage(context.layout(c, "Billing", "billing"), url, what));
  }

  @Error(exception = AccountException.class)
  MutableHttpResponse<?> refused(AccountException e) {
    return Pages.error(e);
  }
}
