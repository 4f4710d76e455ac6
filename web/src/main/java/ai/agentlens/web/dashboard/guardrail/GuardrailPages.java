package ai.agentlens.web.dashboard.guardrail;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.guardrail.FieldError;
import ai.agentlens.core.guardrail.GuardrailActor;
import ai.agentlens.core.guardrail.Guardrails;
import ai.agentlens.core.guardrail.RuleInvalidException;
import ai.agentlens.core.guardrail.model.GuardrailRule;
import ai.agentlens.core.guardrail.model.RuleState;
import ai.agentlens.core.guardrail.model.Trigger;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.web.dashboard.support.Flash;
import ai.agentlens.web.dashboard.support.OrgContext;
import ai.agentlens.web.dashboard.support.PageAuth;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.support.Redirects;
import ai.agentlens.web.dashboard.view.Fmt;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
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
import io.swagger.v3.oas.annotations.Hidden;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The guardrails pages: every rule with its last trigger, the trigger history (optionally of one
 * rule), and for Owners and Admins a create form, an edit page, enable/disable and dry-run toggles
 * and delete (post/redirect/get with the form's CSRF token). A refused form is shown again with the
 * validator's messages beside its fields (400). Changes go through the same {@link Guardrails} use
 * cases as the API, so they are validated and audited alike.
 */
// why: the OpenAPI exclusion of dashboard pages names the package ai.agentlens.web.dashboard only
@Hidden
@Controller("/guardrails")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class GuardrailPages {

  private static final int HISTORY = 50;

  private final PageAuth auth;
  private final OrgContext context;
  private final Guardrails guardrails;

  GuardrailPages(PageAuth auth, OrgContext context, Guardrails guardrails) {
    this.auth = auth;
    this.context = context;
    this.guardrails = guardrails;
  }

  @Get
  MutableHttpResponse<?> page(HttpRequest<?> request, @Nullable @QueryValue String ruleId) {
    OrgContext.Current c = context.require(request);
    return Pages.shown(
        request, "guardrails", listPage(request, c, ruleId, newForm(Map.of(), Map.of())));
  }

  @Post
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> create(HttpRequest<?> request, @Body Map<String, String> form) {
    OrgContext.Current c = editor(request, form);
    try {
      GuardrailRule r = guardrails.create(c.orgId(), actor(c), GuardrailForm.body(form));
      return Flash.ok(Redirects.to("/guardrails"), "Created guardrail " + r.name() + ".");
    } catch (RuleInvalidException e) {
      return Pages.status(
          HttpStatus.BAD_REQUEST,
          "guardrails",
          listPage(request, c, null, newForm(form, errors(e, form))));
    }
  }

  @Get("/{id}/edit")
  MutableHttpResponse<?> edit(HttpRequest<?> request, @PathVariable String id) {
    OrgContext.Current c = context.require(request);
    if (!c.can(Permission.MANAGE_SETTINGS)) {
      throw AccountException.forbidden("changing guardrails needs the Owner or Admin role");
    }
    Optional<GuardrailRule> r = guardrails.get(c.orgId(), id);
    if (r.isEmpty()) {
      return Pages.error(HttpStatus.NOT_FOUND, "Guardrail rule not found");
    }
    return Pages.shown(
        request, "guardrail-edit", editPage(c, r.get(), GuardrailForm.values(r.get()), Map.of()));
  }

  @Post("/{id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> update(
      HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
    OrgContext.Current c = editor(request, form);
    Optional<GuardrailRule> old = guardrails.get(c.orgId(), id);
    if (old.isEmpty()) {
      return Flash.error(Redirects.to("/guardrails"), "Guardrail rule not found.");
    }
    try {
      guardrails.update(c.orgId(), actor(c), id, GuardrailForm.body(form));
      return Flash.ok(Redirects.to("/guardrails"), "Saved guardrail " + form.get("name") + ".");
    } catch (RuleInvalidException e) {
      return Pages.status(
          HttpStatus.BAD_REQUEST, "guardrail-edit", editPage(c, old.get(), form, errors(e, form)));
    }
  }

  @Post("/{id}/toggle")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> toggle(
      HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
    return flip(request, id, form, "enabled");
  }

  @Post("/{id}/dry-run")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> dryRun(
      HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
    return flip(request, id, form, "dryRun");
  }

  @Post("/{id}/delete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> delete(
      HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
    OrgContext.Current c = editor(request, form);
    return guardrails.delete(c.orgId(), actor(c), id)
        ? Flash.ok(Redirects.to("/guardrails"), "Deleted the guardrail and its history.")
        : Flash.error(Redirects.to("/guardrails"), "Guardrail rule not found.");
  }

  @Error(exception = AccountException.class)
  MutableHttpResponse<?> refused(AccountException e) {
    return Pages.error(e);
  }

  private MutableHttpResponse<?> flip(
      HttpRequest<?> request, String id, Map<String, String> form, String field) {
    OrgContext.Current c = editor(request, form);
    Optional<GuardrailRule> old = guardrails.get(c.orgId(), id);
    if (old.isEmpty()) {
      return Flash.error(Redirects.to("/guardrails"), "Guardrail rule not found.");
    }
    boolean now = !(field.equals("enabled") ? old.get().enabled() : old.get().dryRun());
    guardrails.update(c.orgId(), actor(c), id, JsonObject.of(Map.of(field, now)));
    String what =
        field.equals("enabled")
            ? (now ? "Enabled " : "Disabled ")
            : (now ? "Dry-run on for " : "Dry-run off for ");
    return Flash.ok(Redirects.to("/guardrails"), what + old.get().name() + ".");
  }

  private OrgContext.Current editor(HttpRequest<?> request, Map<String, String> form) {
    OrgContext.Current c = context.of(auth.requireForm(request, form));
    if (!c.can(Permission.MANAGE_SETTINGS)) {
      throw AccountException.forbidden("changing guardrails needs the Owner or Admin role");
    }
    return c;
  }

  private static GuardrailActor actor(OrgContext.Current c) {
    return new GuardrailActor(
        ActorType.USER, c.signed().caller().userId(), c.signed().caller().ip());
  }

  private static Map<String, String> errors(RuleInvalidException e, Map<String, String> form) {
    Map<String, String> out = new LinkedHashMap<>();
    for (FieldError f : e.errors()) {
      out.merge(GuardrailForm.fieldOf(f.path(), form), f.message(), (a, b) -> a + "; " + b);
    }
    return out;
  }

  private static GuardrailsPage.Form newForm(
      Map<String, String> values, Map<String, String> errors) {
    Map<String, String> v = new HashMap<>(values);
    if (values.isEmpty()) {
      v.put("enabled", "on");
      v.put("dryRun", "on");
      v.put("cooldownMinutes", "15");
      v.put("priority", "0");
    }
    return new GuardrailsPage.Form("/guardrails", "New guardrail", "Create guardrail", v, errors);
  }

  private GuardrailsPage listPage(
      HttpRequest<?> request, OrgContext.Current c, String ruleId, GuardrailsPage.Form form) {
    boolean canEdit = c.can(Permission.MANAGE_SETTINGS);
    List<GuardrailRule> rules = guardrails.list(c.orgId(), null, false);
    Map<String, String> names = new HashMap<>();
    rules.forEach(r -> names.put(r.id(), r.name()));
    List<GuardrailsPage.Rule> rows = rules.stream().map(r -> row(c.orgId(), r)).toList();
    String only = ruleId != null && names.containsKey(ruleId) ? ruleId : null;
    List<GuardrailsPage.Fired> fired =
        guardrails.history(c.orgId(), only, HISTORY, 0).triggers().stream()
            .map(t -> fired(t, names.getOrDefault(t.ruleId(), t.ruleId())))
            .toList();
    return new GuardrailsPage(
        context.layout(c, "Guardrails", "guardrails").withFlash(Flash.read(request)),
        canEdit,
        rows,
        canEdit ? form : null,
        fired,
        only == null ? null : names.get(only));
  }

  private GuardrailsPage editPage(
      OrgContext.Current c, GuardrailRule r, Map<String, String> values, Map<String, String> e) {
    GuardrailsPage.Form form =
        new GuardrailsPage.Form(
            "/guardrails/" + r.id(), "Edit " + r.name(), "Save guardrail", values, e);
    List<GuardrailsPage.Fired> fired =
        guardrails.history(c.orgId(), r.id(), HISTORY, 0).triggers().stream()
            .map(t -> fired(t, r.name()))
            .toList();
    return new GuardrailsPage(
        context.layout(c, "Edit " + r.name(), "guardrails"),
        true,
        List.of(row(c.orgId(), r)),
        form,
        fired,
        r.name());
  }

  private GuardrailsPage.Rule row(String orgId, GuardrailRule r) {
    Optional<RuleState> s = guardrails.state(orgId, r.id());
    return new GuardrailsPage.Rule(
        r.id(),
        r.name(),
        r.conditionType().wireName(),
        r.actionType().wireName(),
        r.agentId() == null ? "all agents" : r.agentId(),
        r.enabled(),
        r.dryRun(),
        s.map(RuleState::lastTriggeredAt).map(Fmt::time).orElse("never"),
        s.map(RuleState::triggerCount).orElse(0L));
  }

  private static GuardrailsPage.Fired fired(Trigger t, String rule) {
    return new GuardrailsPage.Fired(
        Fmt.time(t.triggeredAt()),
        rule,
        t.conditionValue() == null ? "—" : num(t.conditionValue()),
        t.conditionThreshold() == null ? "—" : num(t.conditionThreshold()),
        t.actionResult(),
        t.actionExecuted() ? "executed" : "not executed");
  }

  private static String num(double d) {
    return java.math.BigDecimal.valueOf(d)
        .round(new java.math.MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }
}
