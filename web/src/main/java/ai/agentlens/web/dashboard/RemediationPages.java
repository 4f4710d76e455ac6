package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.incident.Incidents;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonWriter;
import ai.agentlens.core.remediation.Remediations;
import ai.agentlens.core.remediation.SettingsInvalidException;
import ai.agentlens.core.remediation.model.Remediation;
import ai.agentlens.core.remediation.model.RemediationStatus;
import ai.agentlens.web.dashboard.support.Flash;
import ai.agentlens.web.dashboard.support.OrgContext;
import ai.agentlens.web.dashboard.support.PageAuth;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.support.Redirects;
import ai.agentlens.web.dashboard.view.Fmt;
import ai.agentlens.web.dashboard.view.IncidentPage;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The incident page's remediation forms (seed 003 R5): apply one (a kind and the fields it needs)
 * and revert one, for Owners and Admins, with the CSRF token; post/redirect/get back to the
 * incident with a message. The same use case and audit entries as the API.
 */
@Controller("/incidents/{id}/remediations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class RemediationPages {

  private static final Set<String> NUMBERS = Set.of("riskThreshold", "requestsPerMinute");
  private static final List<String> FIELDS =
      List.of(
          "model", "riskThreshold", "tool", "route", "systemPrompt", "requestsPerMinute", "keyId");

  private final PageAuth auth;
  private final OrgContext context;
  private final Remediations remediations;

  RemediationPages(PageAuth auth, OrgContext context, Remediations remediations) {
    this.auth = auth;
    this.context = context;
    this.remediations = remediations;
  }

  @Post
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> apply(
      HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
    OrgContext.Current c = manager(request, form);
    String back = "/incidents/" + id;
    try {
      Optional<Remediation> r =
          remediations.apply(
              c.orgId(), actor(c), id, form.get("kind"), params(form), blank(form.get("agentId")));
      return r.isEmpty()
          ? Flash.error(Redirects.to("/incidents"), "Incident not found.")
          : Flash.ok(Redirects.to(back), "Applied " + r.get().kind().wireName() + ".");
    } catch (SettingsInvalidException e) {
      return Flash.error(Redirects.to(back), "Not applied: " + e.getMessage());
    }
  }

  @Post("/{remediationId}/revert")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> revert(
      HttpRequest<?> request,
      @PathVariable String id,
      @PathVariable String remediationId,
      @Body Map<String, String> form) {
    OrgContext.Current c = manager(request, form);
    Optional<Remediation> r = remediations.revert(c.orgId(), actor(c), id, remediationId);
    if (r.isEmpty()) {
      return Flash.error(Redirects.to("/incidents"), "Remediation not found.");
    }
    return r.get().status() == RemediationStatus.FAILED
        ? Flash.error(Redirects.to("/incidents/" + id), "Not reverted: " + r.get().error())
        : Flash.ok(Redirects.to("/incidents/" + id), "Reverted " + r.get().kind().wireName() + ".");
  }

  @Error(exception = AccountException.class)
  MutableHttpResponse<?> refused(AccountException e) {
    return Pages.error(e);
  }

  /**
   * Renders an incident's remediations for its page.
   *
   * @param list them, oldest first
   * @param canManage whether the viewer may revert
   * @return the rows
   */
  static List<IncidentPage.Remedy> history(List<Remediation> list, boolean canManage) {
    return list.stream()
        .map(
            r ->
                new IncidentPage.Remedy(
                    r.id(),
                    r.kind().wireName(),
                    JsonWriter.write(r.params()),
                    r.status().wireName(),
                    Fmt.time(r.appliedAt()) + " by " + r.appliedBy(),
                    r.revertedAt() == null
                        ? ""
                        : Fmt.time(r.revertedAt()) + " by " + r.revertedBy(),
                    canManage && r.status() == RemediationStatus.APPLIED))
        .toList();
  }

  private OrgContext.Current manager(HttpRequest<?> request, Map<String, String> form) {
    OrgContext.Current c = context.of(auth.requireForm(request, form));
    if (!c.can(Permission.MANAGE_SETTINGS)) {
      throw AccountException.forbidden("remediating incidents needs the Owner or Admin role");
    }
    return c;
  }

  private static Incidents.Actor actor(OrgContext.Current c) {
    return new Incidents.Actor(
        ActorType.USER, c.signed().caller().userId(), c.signed().caller().ip());
  }

  // why: the form has one input per parameter of every kind; only the filled ones are sent, and
  // the numeric ones as numbers when they read as one (else as text, which validation names)
  private static JsonObject params(Map<String, String> form) {
    Map<String, Object> p = new LinkedHashMap<>();
    for (String f : FIELDS) {
      String v = blank(form.get(f));
      if (v == null) {
        continue;
      }
      if (NUMBERS.contains(f) && v.matches("-?\\d{1,9}")) {
        p.put(f, JsonNumber.of(Long.parseLong(v)));
      } else {
        p.put(f, v);
      }
    }
    return JsonObject.of(p);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
