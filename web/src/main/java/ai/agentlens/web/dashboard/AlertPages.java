package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.alert.AlertCondition;
import ai.agentlens.core.alert.AlertFiring;
import ai.agentlens.core.alert.AlertRule;
import ai.agentlens.core.alerting.AlertRules;
import ai.agentlens.core.port.alerting.AlertHistory;
import ai.agentlens.core.port.alerting.AlertRuleStore;
import ai.agentlens.web.dashboard.support.Flash;
import ai.agentlens.web.dashboard.support.OrgContext;
import ai.agentlens.web.dashboard.support.PageAuth;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.support.Redirects;
import ai.agentlens.web.dashboard.view.AlertsPage;
import ai.agentlens.web.dashboard.view.Fmt;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The alerts page: the org's rules, a create form and enable/disable/delete buttons for Owners and
 * Admins (post/redirect/get with the form's CSRF token), and the latest 50 firings.
 */
@Controller("/alerts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class AlertPages {

  private final PageAuth auth;
  private final OrgContext context;
  private final AlertRules rules;
  private final AlertRuleStore store;
  private final AlertHistory history;

  AlertPages(
      PageAuth auth,
      OrgContext context,
      AlertRules rules,
      AlertRuleStore store,
      AlertHistory history) {
    this.auth = auth;
    this.context = context;
    this.rules = rules;
    this.store = store;
    this.history = history;
  }

  @Get
  MutableHttpResponse<?> page(HttpRequest<?> request) {
    OrgContext.Current c = context.require(request);
    List<AlertsPage.Rule> rows =
        store.list(c.orgId(), false).stream().map(AlertPages::row).toList();
    List<AlertsPage.Firing> fired =
        history.list(c.orgId(), null, 50, 0).firings().stream().map(AlertPages::firing).toList();
    return Pages.shown(
        request,
        "alerts",
        new AlertsPage(
            context.layout(c, "Alerts", "alerts").withFlash(Flash.read(request)),
            c.can(Permission.MANAGE_SETTINGS),
            Arrays.stream(AlertCondition.values()).map(AlertCondition::wireName).toList(),
            rows,
            fired));
  }

  @Post("/rules")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> create(HttpRequest<?> request, @Body Map<String, String> form) {
    OrgContext.Current c = editor(request, form);
    try {
      AlertRule.AlertSpec spec =
          new AlertRule.AlertSpec(
              form.get("name"),
              true,
              AlertCondition.fromWireName(form.getOrDefault("condition", "")).orElse(null),
              number(form.get("threshold")),
              (int) number(form.get("windowMinutes")),
              blankToNull(form.get("agentId")),
              List.of(),
              channels(form.get("channels")),
              blankToNull(form.get("webhookSecret")));
      AlertRule r = rules.create(c.orgId(), actor(c), spec);
      return Flash.ok(Redirects.to("/alerts"), "Created alert rule " + r.spec().name() + ".");
    } catch (AlertRules.InvalidSpecException e) {
      return Flash.error(
          Redirects.to("/alerts"),
          e.problems().stream()
              .map(p -> p.field() + " " + p.message())
              .collect(Collectors.joining("; ")));
    }
  }

  @Post("/rules/{id}/toggle")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> toggle(
      HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
    OrgContext.Current c = editor(request, form);
    var old = store.find(c.orgId(), id);
    if (old.isEmpty()) {
      return Flash.error(Redirects.to("/alerts"), "Alert rule not found.");
    }
    AlertRule.AlertSpec s = old.get().spec();
    rules.update(
        c.orgId(),
        actor(c),
        id,
        new AlertRule.AlertSpec(
            s.name(),
            !s.enabled(),
            s.condition(),
            s.threshold(),
            s.windowMinutes(),
            s.agentId(),
            s.tags(),
            s.notifyChannels(),
            s.webhookSecret()));
    return Flash.ok(
        Redirects.to("/alerts"), (s.enabled() ? "Disabled " : "Enabled ") + s.name() + ".");
  }

  @Post("/rules/{id}/delete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> delete(
      HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
    OrgContext.Current c = editor(request, form);
    return rules.delete(c.orgId(), actor(c), id)
        ? Flash.ok(Redirects.to("/alerts"), "Deleted the alert rule.")
        : Flash.error(Redirects.to("/alerts"), "Alert rule not found.");
  }

  @Error(exception = AccountException.class)
  MutableHttpResponse<?> refused(AccountException e) {
    return Pages.error(e);
  }

  private OrgContext.Current editor(HttpRequest<?> request, Map<String, String> form) {
    OrgContext.Current c = context.of(auth.requireForm(request, form));
    if (!c.can(Permission.MANAGE_SETTINGS)) {
      throw AccountException.forbidden("changing alert rules needs the Owner or Admin role");
    }
    return c;
  }

  private static AlertRules.Actor actor(OrgContext.Current c) {
    return new AlertRules.Actor(
        ActorType.USER, c.signed().caller().userId(), c.signed().caller().ip());
  }

  private static double number(String raw) {
    try {
      return raw == null || raw.isBlank() ? -1 : Double.parseDouble(raw.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static List<String> channels(String raw) {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    return Arrays.stream(raw.split("[\\s,]+")).filter(s -> !s.isBlank()).toList();
  }

  private static AlertsPage.Rule row(AlertRule r) {
    AlertRule.AlertSpec s = r.spec();
    String scope = s.agentId() == null ? "all agents" : "agent " + s.agentId();
    if (!s.tags().isEmpty()) {
      scope += ", tags " + String.join(", ", s.tags());
    }
    return new AlertsPage.Rule(
        r.id(),
        s.name(),
        s.condition().wireName(),
        num(s.threshold()),
        s.windowMinutes() + " min",
        scope,
        s.notifyChannels().size(),
        s.enabled());
  }

  private static AlertsPage.Firing firing(AlertFiring f) {
    long failed = f.deliveries().stream().filter(d -> !d.ok()).count();
    String delivery =
        f.deliveries().isEmpty()
            ? "no channels"
            : failed == 0
                ? "all " + f.deliveries().size() + " delivered"
                : failed + " of " + f.deliveries().size() + " failed";
    return new AlertsPage.Firing(
        f.ruleName(),
        f.condition().wireName(),
        num(f.value()),
        num(f.threshold()),
        Fmt.time(f.triggeredAt()),
        delivery);
  }

  private static String num(double d) {
    // why: 0.25 and 1200 rather than 0.2500 and 1.200e+03
    return java.math.BigDecimal.valueOf(d)
        .round(new java.math.MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }
}
