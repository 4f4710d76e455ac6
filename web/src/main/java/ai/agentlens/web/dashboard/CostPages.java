package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.Access;
import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.budget.BudgetActor;
import ai.agentlens.core.budget.BudgetDraft;
import ai.agentlens.core.budget.BudgetStatus;
import ai.agentlens.core.budget.CostBudgets;
import ai.agentlens.core.budget.InvalidBudgetException;
import ai.agentlens.core.optimize.CostRecommendations;
import ai.agentlens.web.dashboard.support.Flash;
import ai.agentlens.web.dashboard.support.OrgContext;
import ai.agentlens.web.dashboard.support.PageAuth;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.support.Redirects;
import ai.agentlens.web.dashboard.view.CostPage;
import ai.agentlens.web.dashboard.view.Fmt;
import ai.agentlens.web.dashboard.view.SessionsPage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cost page ({@code /cost}): the optimizer's recommendations and the budgets with spend against
 * limit; Owners and Admins create and delete budgets with post/redirect/get forms.
 */
@Controller("/cost")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class CostPages {

  private static final List<Integer> PERIODS = List.of(7, 30, 90);

  private final PageAuth auth;
  private final OrgContext context;
  private final Access access;
  private final CostRecommendations recommendations;
  private final CostBudgets budgets;

  CostPages(
      PageAuth auth,
      OrgContext context,
      Access access,
      CostRecommendations recommendations,
      CostBudgets budgets) {
    this.auth = auth;
    this.context = context;
    this.access = access;
    this.recommendations = recommendations;
    this.budgets = budgets;
  }

  @Get
  MutableHttpResponse<?> cost(HttpRequest<?> request, @Nullable @QueryValue String period) {
    OrgContext.Current c = context.require(request);
    int days = PERIODS.contains(parse(period)) ? parse(period) : CostRecommendations.DEFAULT_PERIOD;
    var result = recommendations.recommend(c.orgId(), null, days, CostRecommendations.MAX_LIMIT);
    List<CostPage.Budget> rows =
        budgets.list(c.orgId()).stream()
            // why: a budget deleted meanwhile has no status; it is left out, not a 500
            .flatMap(b -> budgets.status(c.orgId(), b.id()).stream())
            .map(CostPages::row)
            .toList();
    List<SessionsPage.Option> options =
        PERIODS.stream()
            .map(d -> new SessionsPage.Option(String.valueOf(d), "Last " + d + " days", d == days))
            .toList();
    var layout = context.layout(c, "Cost", "cost").withFlash(Flash.read(request));
    return Pages.shown(
        request,
        "cost",
        new CostPage(layout, days, options, result, rows, c.can(Permission.MANAGE_SETTINGS)));
  }

  @Post("/budgets")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> create(HttpRequest<?> request, @Body Map<String, String> form) {
    OrgContext.Current c = context.of(auth.requireForm(request, form));
    try {
      access.require(c.signed().caller(), c.orgId(), Permission.MANAGE_SETTINGS);
      budgets.create(c.orgId(), draft(form), actor(c));
      return Flash.ok(Redirects.to("/cost"), "Budget created.");
    } catch (InvalidBudgetException e) {
      return Flash.error(
          Redirects.to("/cost"),
          e.problems().stream()
              .map(p -> p.path() + " " + p.message())
              .collect(Collectors.joining("; ")));
    } catch (AccountException e) {
      return Flash.error(Redirects.to("/cost"), e.getMessage());
    }
  }

  @Post("/budgets/{id}/delete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> delete(
      HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
    OrgContext.Current c = context.of(auth.requireForm(request, form));
    try {
      access.require(c.signed().caller(), c.orgId(), Permission.MANAGE_SETTINGS);
      return budgets.delete(c.orgId(), id, actor(c))
          ? Flash.ok(Redirects.to("/cost"), "Budget deleted.")
          : Flash.error(Redirects.to("/cost"), "That budget no longer exists.");
    } catch (AccountException e) {
      return Flash.error(Redirects.to("/cost"), e.getMessage());
    }
  }

  @Error(exception = AccountException.class)
  MutableHttpResponse<?> refused(AccountException e) {
    return Pages.error(e);
  }

  private static BudgetActor actor(OrgContext.Current c) {
    return new BudgetActor(ActorType.USER, c.signed().caller().userId(), c.signed().caller().ip());
  }

  private static BudgetDraft draft(Map<String, String> form) {
    return new BudgetDraft(
        blank(form.get("scope")),
        blank(form.get("agentId")),
        blank(form.get("period")),
        number(form.get("limitUsd")),
        blank(form.get("onBreach")),
        number(form.get("anomalyMultiplier")),
        false,
        null,
        blank(form.get("targetModel")));
  }

  private static String blank(String v) {
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static Double number(String v) {
    if (blank(v) == null) {
      return null;
    }
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static int parse(String raw) {
    try {
      return raw == null ? -1 : Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static CostPage.Budget row(BudgetStatus s) {
    var b = s.budget();
    String what = b.scope().wireName() + (b.agentId() == null ? "" : " " + b.agentId());
    return new CostPage.Budget(
        b.id(),
        what,
        b.period().wireName(),
        Fmt.usd(b.limitUsd()),
        Fmt.usd(s.spendUsd()),
        Math.min(s.spendUsd(), b.limitUsd()),
        b.limitUsd(),
        String.format(Locale.ROOT, "%.1f %%", s.percent()),
        s.breached(),
        b.onBreach().wireName(),
        b.enabled());
  }
}
