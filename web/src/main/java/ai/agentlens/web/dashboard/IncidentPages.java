package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.incident.Incidents;
import ai.agentlens.core.incident.RootCauseAnalyzer;
import ai.agentlens.core.incident.model.Incident;
import ai.agentlens.core.incident.model.IncidentQuery;
import ai.agentlens.core.incident.model.RcaRecord;
import ai.agentlens.core.incident.model.RcaStatus;
import ai.agentlens.core.incident.model.RootCause;
import ai.agentlens.core.port.incident.IncidentStore;
import ai.agentlens.web.dashboard.support.Flash;
import ai.agentlens.web.dashboard.support.OrgContext;
import ai.agentlens.web.dashboard.support.PageAuth;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.support.Redirects;
import ai.agentlens.web.dashboard.view.Fmt;
import ai.agentlens.web.dashboard.view.IncidentPage;
import ai.agentlens.web.dashboard.view.IncidentsPage;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The incidents pages: the latest 100 incidents, and one incident with its details, its latest
 * root-cause analysis and timeline of triggers and, for Owners and Admins, Resolve and Analyze
 * buttons (post/redirect/get with the CSRF token).
 */
@Controller("/incidents")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class IncidentPages {

  private final PageAuth auth;
  private final OrgContext context;
  private final Incidents incidents;
  private final IncidentStore store;
  private final RootCauseAnalyzer analyzer;
  private final ai.agentlens.core.remediation.Remediations remediations;

  IncidentPages(
      PageAuth auth,
      OrgContext context,
      Incidents incidents,
      IncidentStore store,
      RootCauseAnalyzer analyzer,
      ai.agentlens.core.remediation.Remediations remediations) {
    this.remediations = remediations;
    this.analyzer = analyzer;
    this.auth = auth;
    this.context = context;
    this.incidents = incidents;
    this.store = store;
  }

  @Get
  MutableHttpResponse<?> list(HttpRequest<?> request) {
    OrgContext.Current c = context.require(request);
    List<IncidentsPage.Row> rows =
        store.list(new IncidentQuery(c.orgId(), null, null, null, null, null, 100, null)).stream()
            .map(IncidentPages::row)
            .toList();
    return Pages.shown(
        request,
        "incidents",
        new IncidentsPage(
            context.layout(c, "Incidents", "incidents").withFlash(Flash.read(request)), rows));
  }

  @Get("/{id}")
  MutableHttpResponse<?> one(HttpRequest<?> request, @PathVariable String id) {
    OrgContext.Current c = context.require(request);
    Incident i =
        store
            .find(c.orgId(), id)
            .orElseThrow(
                () ->
                    new AccountException(
                        AccountException.Kind.NOT_FOUND, "No incident " + id + " in this org."));
    List<IncidentPage.Trigger> timeline =
        store.timeline(c.orgId(), id).stream()
            .map(t -> new IncidentPage.Trigger(Fmt.time(t.at()), t.relatedId(), t.details()))
            .toList();
    return Pages.shown(
        request,
        "incident",
        new IncidentPage(
            context.layout(c, i.title(), "incidents").withFlash(Flash.read(request)),
            row(i),
            i.details(),
            i.relatedIds(),
            timeline,
            i.open() && c.can(Permission.MANAGE_SETTINGS),
            analyzer.find(c.orgId(), id).map(IncidentPages::rca).orElse(null),
            c.can(Permission.MANAGE_SETTINGS),
            RemediationPages.history(
                remediations.list(c.orgId(), id).orElse(List.of()),
                c.can(Permission.MANAGE_SETTINGS))));
  }

  @Post("/{id}/rca")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> analyze(
      HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
    OrgContext.Current c = context.of(auth.requireForm(request, form));
    if (!c.can(Permission.MANAGE_SETTINGS)) {
      throw AccountException.forbidden("analysing incidents needs the Owner or Admin role");
    }
    Incidents.Actor actor =
        new Incidents.Actor(ActorType.USER, c.signed().caller().userId(), c.signed().caller().ip());
    Optional<RcaRecord> r = analyzer.analyze(c.orgId(), id);
    if (r.isEmpty()) {
      return Flash.error(Redirects.to("/incidents"), "Incident not found.");
    }
    incidents.rcaRequested(c.orgId(), actor, id, r.get().status().wireName());
    return r.get().status() == RcaStatus.DONE
        ? Flash.ok(Redirects.to("/incidents/" + id), "Analysed the incident.")
        : Flash.error(Redirects.to("/incidents/" + id), "The analysis failed: " + r.get().error());
  }

  private static IncidentPage.Rca rca(RcaRecord r) {
    RootCause a = r.analysis();
    return new IncidentPage.Rca(
        r.status() == RcaStatus.FAILED,
        r.source().equals("builtin")
            ? "built-in analysis"
            : r.source().substring("model:".length()),
        Fmt.time(r.updatedAt()),
        r.attempts(),
        a == null ? "" : a.summary(),
        a == null ? "" : a.likelyCause(),
        a == null ? List.of() : a.evidence(),
        a == null ? List.of() : a.recommendedFixes(),
        r.requestIds(),
        r.error() == null ? "" : r.error());
  }

  @Post("/{id}/resolve")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> resolve(
      HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
    OrgContext.Current c = context.of(auth.requireForm(request, form));
    if (!c.can(Permission.MANAGE_SETTINGS)) {
      throw AccountException.forbidden("resolving incidents needs the Owner or Admin role");
    }
    Incidents.Actor actor =
        new Incidents.Actor(ActorType.USER, c.signed().caller().userId(), c.signed().caller().ip());
    if (incidents.resolve(c.orgId(), actor, id).isEmpty()) {
      return Flash.error(Redirects.to("/incidents"), "Incident not found.");
    }
    return Flash.ok(Redirects.to("/incidents/" + id), "Resolved the incident.");
  }

  @Error(exception = AccountException.class)
  MutableHttpResponse<?> refused(AccountException e) {
    return Pages.error(e);
  }

  private static IncidentsPage.Row row(Incident i) {
    return new IncidentsPage.Row(
        i.id(),
        i.title(),
        i.agentId() == null ? "all agents" : i.agentId(),
        i.severity().wireName(),
        i.triggerType().wireName(),
        i.status(),
        Fmt.time(i.openedAt()),
        Fmt.time(i.lastSeenAt()),
        i.triggerCount(),
        i.resolvedAt() == null ? "" : Fmt.time(i.resolvedAt()) + " by " + i.resolvedBy());
  }
}
