package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.incident.Incidents;
import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.remediation.AgentSettingsEditor;
import ai.agentlens.core.remediation.SettingsInvalidException;
import ai.agentlens.core.remediation.SettingsJson;
import ai.agentlens.core.remediation.model.AgentSettings;
import ai.agentlens.web.dashboard.support.Flash;
import ai.agentlens.web.dashboard.support.OrgContext;
import ai.agentlens.web.dashboard.support.PageAuth;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.support.Redirects;
import ai.agentlens.web.dashboard.view.AgentSettingsPage;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent settings page ({@code /agents/{id}/settings}, seed 003 R8): the agent's own settings,
 * the org defaults and what is enforced; Owners and Admins save the form (CSRF token, audited like
 * {@code PUT /api/agents/{id}/settings}). An empty field uses the org default.
 */
@Controller("/agents/{id}/settings")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class AgentSettingsPages {

  private final PageAuth auth;
  private final OrgContext context;
  private final AgentSettingsEditor editor;

  AgentSettingsPages(PageAuth auth, OrgContext context, AgentSettingsEditor editor) {
    this.auth = auth;
    this.context = context;
    this.editor = editor;
  }

  @Get
  MutableHttpResponse<?> show(HttpRequest<?> request, @PathVariable String id) {
    OrgContext.Current c = context.require(request);
    AgentSettingsEditor.View v =
        editor
            .read(c.orgId(), id)
            .orElseThrow(
                () ->
                    new AccountException(
                        AccountException.Kind.NOT_FOUND, "No agent " + id + " in this org."));
    return Pages.shown(
        request,
        "agent-settings",
        new AgentSettingsPage(
            context.layout(c, "Settings of " + id, "agents").withFlash(Flash.read(request)),
            id,
            values(v.own()),
            values(v.defaults()),
            values(v.effective()),
            c.can(Permission.MANAGE_SETTINGS)));
  }

  @Post
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> save(
      HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
    OrgContext.Current c = context.of(auth.requireForm(request, form));
    if (!c.can(Permission.MANAGE_SETTINGS)) {
      throw AccountException.forbidden("changing agent settings needs the Owner or Admin role");
    }
    String back = "/agents/" + id + "/settings";
    AgentSettings s;
    try {
      s = SettingsJson.parse(body(form));
    } catch (SettingsInvalidException e) {
      return Flash.error(Redirects.to(back), "Not saved: " + e.getMessage());
    }
    Incidents.Actor actor =
        new Incidents.Actor(ActorType.USER, c.signed().caller().userId(), c.signed().caller().ip());
    return editor.update(c.orgId(), actor, id, s).isPresent()
        ? Flash.ok(Redirects.to(back), "Saved the settings of " + id + ".")
        : Flash.error(Redirects.to("/agents"), "Agent not found.");
  }

  @Error(exception = AccountException.class)
  MutableHttpResponse<?> refused(AccountException e) {
    return Pages.error(e);
  }

  private static JsonObject body(Map<String, String> form) {
    Map<String, Object> o = new LinkedHashMap<>();
    text(o, form, "preferredModel");
    number(o, form, "riskThreshold");
    number(o, form, "rateLimitPerMinute");
    text(o, form, "systemPrompt");
    names(o, form, "disabledTools");
    names(o, form, "disabledRoutes");
    return JsonObject.of(o);
  }

  private static String value(Map<String, String> form, String f) {
    String v = form.get(f);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static void text(Map<String, Object> o, Map<String, String> form, String f) {
    String v = value(form, f);
    if (v != null) {
      o.put(f, v);
    }
  }

  private static void number(Map<String, Object> o, Map<String, String> form, String f) {
    String v = value(form, f);
    if (v != null) {
      o.put(f, v.matches("-?\\d{1,9}") ? JsonNumber.of(Long.parseLong(v)) : v);
    }
  }

  private static void names(Map<String, Object> o, Map<String, String> form, String f) {
    String v = value(form, f);
    if (v != null) {
      o.put(
          f,
          JsonArray.of(
              Arrays.stream(v.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList()));
    }
  }

  private static AgentSettingsPage.Values values(AgentSettings s) {
    return new AgentSettingsPage.Values(
        text(s.preferredModel()),
        s.riskThreshold() == null ? "" : s.riskThreshold().toString(),
        s.rateLimitPerMinute() == null ? "" : s.rateLimitPerMinute().toString(),
        text(s.systemPrompt()),
        join(s.disabledTools()),
        join(s.disabledRoutes()));
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private static String join(List<String> l) {
    return l == null ? "" : String.join(", ", l);
  }
}
