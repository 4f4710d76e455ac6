package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.guardrail.GuardrailActor;
import ai.agentlens.core.guardrail.Guardrails;
import ai.agentlens.core.guardrail.model.AgentControl;
import ai.agentlens.core.health.AgentHealth;
import ai.agentlens.core.health.AgentHealthReport;
import ai.agentlens.core.health.HealthDimension;
import ai.agentlens.core.health.HealthHistory;
import ai.agentlens.core.health.snapshot.HealthSnapshot;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.AgentControlStore;
import ai.agentlens.core.port.storage.AgentStore;
import ai.agentlens.core.session.Agent;
import ai.agentlens.web.dashboard.support.Flash;
import ai.agentlens.web.dashboard.support.OrgContext;
import ai.agentlens.web.dashboard.support.PageAuth;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.support.Redirects;
import ai.agentlens.web.dashboard.view.AgentPage;
import ai.agentlens.web.dashboard.view.AgentsPage;
import ai.agentlens.web.dashboard.view.Fmt;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The agents pages: every agent with its health and its controls (paused, model override, rate
 * limit, with an Unpause button for Owners and Admins that posts through htmx with the form's CSRF
 * token and calls the same use case as {@code POST /api/agents/{id}/unpause}), and one agent with
 * its 30-day history chart.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class AgentPages {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OrgContext context;
  private final AgentStore agents;
  private final AgentHealth health;
  private final HealthHistory history;
  private final PageAuth auth;
  private final AgentControlStore controls;
  private final Guardrails guardrails;
  private final Clock clock;

  AgentPages(
      OrgContext context,
      AgentStore agents,
      AgentHealth health,
      HealthHistory history,
      PageAuth auth,
      AgentControlStore controls,
      Guardrails guardrails,
      Clock clock) {
    this.clock = clock;
    this.context = context;
    this.agents = agents;
    this.health = health;
    this.history = history;
    this.auth = auth;
    this.controls = controls;
    this.guardrails = guardrails;
  }

  @Get("/agents")
  MutableHttpResponse<?> list(HttpRequest<?> request) {
    OrgContext.Current c = context.require(request);
    Map<String, AgentHealthReport> scores = new LinkedHashMap<>();
    health
        .overview(c.orgId(), AgentHealth.DEFAULT_WINDOW)
        .agents()
        .forEach(r -> scores.put(r.agentId(), r));
    Map<String, AgentControl> set = controls.controlled(c.orgId());
    boolean canManage = c.can(Permission.MANAGE_SETTINGS);
    String csrf = c.signed().csrf();
    List<AgentsPage.Row> rows =
        agents.list(c.orgId()).stream()
            .map(
                a -> {
                  AgentHealthReport r = scores.get(a.id());
                  return new AgentsPage.Row(
                      a.id(),
                      a.name(),
                      Fmt.time(a.lastSeenAt()),
                      r == null ? "" : score(r.overallScore()),
                      r == null ? "" : r.trend().wireName(),
                      r == null
                          ? List.of()
                          : r.dimensions().stream().map(d -> score(d.score())).toList(),
                      control(
                          a.id(), set.getOrDefault(a.id(), AgentControl.NONE), canManage, csrf));
                })
            .toList();
    return Pages.shown(
        request,
        "agents",
        new AgentsPage(
            context.layout(c, "Agents", "agents").withFlash(Flash.read(request)), rows, canManage));
  }

  @Post("/agents/{id}/unpause")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> unpause(
      HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
    OrgContext.Current c = context.of(auth.requireForm(request, form));
    if (!c.can(Permission.MANAGE_SETTINGS)) {
      throw AccountException.forbidden("unpausing an agent needs the Owner or Admin role");
    }
    GuardrailActor actor =
        new GuardrailActor(ActorType.USER, c.signed().caller().userId(), c.signed().caller().ip());
    boolean found = guardrails.unpause(c.orgId(), actor, id);
    if (request.getHeaders().contains("HX-Request")) {
      if (!found) {
        return Pages.error(HttpStatus.NOT_FOUND, "Agent not found");
      }
      AgentControl now = controls.find(c.orgId(), id).orElse(AgentControl.NONE);
      return Pages.ok("agent-control", control(id, now, true, c.signed().csrf()));
    }
    return found
        ? Flash.ok(Redirects.to("/agents"), "Unpaused " + id + ".")
        : Flash.error(Redirects.to("/agents"), "Agent not found.");
  }

  private AgentsPage.Control control(
      String agentId, AgentControl a, boolean canManage, String csrf) {
    Instant now = clock.now();
    Integer limit = a.activeRateLimit(now);
    return new AgentsPage.Control(
        agentId,
        a.pausedAt() == null ? null : Fmt.time(a.pausedAt()),
        a.pauseReason(),
        a.modelOverride(),
        limit == null ? null : limit + "/min until " + Fmt.time(a.rateLimitedUntil()),
        a.agentgatePolicy(),
        canManage,
        csrf);
  }

  @Get("/agents/{id}")
  MutableHttpResponse<?> one(HttpRequest<?> request, @PathVariable String id) {
    OrgContext.Current c = context.require(request);
    Optional<Agent> agent = agents.find(c.orgId(), id);
    if (agent.isEmpty()) {
      return Pages.error(HttpStatus.NOT_FOUND, "Agent not found");
    }
    Optional<AgentHealthReport> r = health.agent(c.orgId(), id, AgentHealth.DEFAULT_WINDOW);
    List<HealthSnapshot> snaps = history.read(c.orgId(), id, HealthHistory.DEFAULT_DAYS);
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("labels", snaps.stream().map(s -> s.date().toString()).toList());
    chart.put("overall", snaps.stream().map(HealthSnapshot::overallScore).toList());
    List<AgentPage.Snapshot> rows =
        snaps.stream()
            .map(
                s ->
                    new AgentPage.Snapshot(
                        s.date().toString(),
                        score(s.overallScore()),
                        List.of(
                            score(s.errorRateScore()),
                            score(s.costEfficiencyScore()),
                            score(s.toolSuccessScore()),
                            score(s.latencyScore()),
                            score(s.completionRateScore())),
                        s.sessionCount()))
            .toList();
    return Pages.shown(
        request,
        "agent",
        new AgentPage(
            context.layout(c, "Agent " + agent.get().name(), "agents"),
            id,
            agent.get().name(),
            r.map(x -> score(x.overallScore())).orElse(null),
            r.map(x -> x.trend().wireName() + " (" + signed(x.trendDelta()) + ")").orElse(null),
            r.map(x -> x.dimensions().stream().map(AgentPages::dimension).toList())
                .orElse(List.of()),
            json(chart),
            rows));
  }

  @Error(exception = AccountException.class)
  MutableHttpResponse<?> refused(AccountException e) {
    return Pages.error(e);
  }

  private static AgentPage.Dimension dimension(HealthDimension d) {
    return new AgentPage.Dimension(
        d.name(),
        score(d.score()),
        String.format(Locale.ROOT, "%.2f", d.weight()),
        String.format(Locale.ROOT, "%.4g", d.rawValue()),
        d.description());
  }

  /** A 0–100 score with one decimal. */
  static String score(double s) {
    return String.format(Locale.ROOT, "%.1f", s);
  }

  private static String signed(double delta) {
    return String.format(Locale.ROOT, "%+.2f", delta);
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
