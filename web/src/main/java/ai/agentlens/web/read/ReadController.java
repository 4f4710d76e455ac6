package ai.agentlens.web.read;

import ai.agentlens.core.apikey.ApiKeyPrincipal;
import ai.agentlens.core.event.ChainVerification;
import ai.agentlens.core.event.EventQuery;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.read.EventPage;
import ai.agentlens.core.read.EventReads;
import ai.agentlens.core.read.ReportedSession;
import ai.agentlens.core.read.SessionFilter;
import ai.agentlens.core.read.SessionList;
import ai.agentlens.core.read.SessionReads;
import ai.agentlens.core.read.SessionTimeline;
import ai.agentlens.core.read.Timeline;
import ai.agentlens.core.session.SessionStatus;
import ai.agentlens.web.auth.ApiKeyAuth;
import ai.agentlens.web.error.ErrorBody;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The read APIs the SDKs call (reference §3.5): events, sessions, timelines, agents. Every query is
 * scoped to the org of the presented key; another org's ids answer 404, never data. The reads are
 * the core read use cases the dashboard shows too.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReadController {

  private static final List<String> STATUSES =
      Arrays.stream(SessionStatus.values()).map(ReadController::wireName).toList();

  private final ApiKeyAuth auth;
  private final EventReads events;
  private final SessionReads sessions;
  private final SessionTimeline timelines;
  private final ai.agentlens.core.port.storage.AgentControlStore controls;
  private final ai.agentlens.core.remediation.AgentSettingsEditor settings;

  ReadController(
      ApiKeyAuth auth,
      EventReads events,
      SessionReads sessions,
      SessionTimeline timelines,
      ai.agentlens.core.port.storage.AgentControlStore controls,
      ai.agentlens.core.remediation.AgentSettingsEditor settings) {
    this.controls = controls;
    this.settings = settings;
    this.auth = auth;
    this.events = events;
    this.sessions = sessions;
    this.timelines = timelines;
  }

  @Get(uri = "/events", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> listEvents(HttpRequest<?> request) {
    ApiKeyPrincipal key = auth.require(request);
    QueryParams p = new QueryParams(request.getParameters());
    EventQuery query =
        new EventQuery(
            p.text("sessionId"),
            p.text("agentId"),
            p.list("eventType", EventType::fromWireName, wireNames(EventType.values())),
            p.list("severity", Severity::fromWireName, wireNames(Severity.values())),
            p.instant("from"),
            p.instant("to"),
            p.text("search"),
            p.ascending(),
            p.flag("excludeMetrics"),
            p.integer("limit", 50),
            p.integer("offset", 0));
    p.check();
    EventPage page = events.page(key.orgId(), query);
    return json(
        JsonViews.render(
            g -> {
              g.writeStartObject();
              g.writeFieldName("events");
              JsonViews.events(g, page.events());
              g.writeNumberField("total", page.total());
              g.writeBooleanField("hasMore", page.hasMore());
              g.writeEndObject();
            }));
  }

  @Get(uri = "/events/{id}", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> event(HttpRequest<?> request, @PathVariable String id) {
    ApiKeyPrincipal key = auth.require(request);
    return events
        .find(key.orgId(), id)
        .<MutableHttpResponse<?>>map(e -> json(JsonViews.render(g -> JsonViews.event(g, e))))
        .orElseGet(() -> notFound("Event not found"));
  }

  @Get(uri = "/sessions", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> listSessions(HttpRequest<?> request) {
    ApiKeyPrincipal key = auth.require(request);
    QueryParams p = new QueryParams(request.getParameters());
    SessionFilter filter =
        new SessionFilter(
            p.text("agentId"),
            p.list("status", ReadController::status, STATUSES),
            p.instant("from"),
            p.instant("to"),
            p.texts("tags"));
    int limit = p.integer("limit", 50);
    int offset = p.integer("offset", 0);
    boolean countOnly = p.flag("countOnly");
    p.check();
    if (countOnly) {
      long count = sessions.count(key.orgId(), filter);
      return json(
          JsonViews.render(
              g -> {
                g.writeStartObject();
                g.writeNumberField("count", count);
                g.writeEndObject();
              }));
    }
    SessionList page = sessions.list(key.orgId(), filter, limit, offset);
    return json(
        JsonViews.render(
            g -> {
              g.writeStartObject();
              g.writeArrayFieldStart("sessions");
              for (ReportedSession s : page.sessions()) {
                JsonViews.session(g, s);
              }
              g.writeEndArray();
              g.writeNumberField("total", page.total());
              g.writeBooleanField("hasMore", page.hasMore());
              g.writeEndObject();
            }));
  }

  @Get(uri = "/sessions/{id}", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> session(HttpRequest<?> request, @PathVariable String id) {
    ApiKeyPrincipal key = auth.require(request);
    return sessions
        .find(key.orgId(), id)
        .<MutableHttpResponse<?>>map(s -> json(JsonViews.render(g -> JsonViews.session(g, s))))
        .orElseGet(() -> notFound("Session not found"));
  }

  @Get(uri = "/sessions/{id}/timeline", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> timeline(HttpRequest<?> request, @PathVariable String id) {
    ApiKeyPrincipal key = auth.require(request);
    // why: the reference returns every event of the session; the chain is verified as it is read
    return timelines
        .read(key.orgId(), id, 0, SessionTimeline.ALL)
        .<MutableHttpResponse<?>>map(t -> json(timelineJson(t)))
        .orElseGet(() -> notFound("Session not found"));
  }

  private static String timelineJson(Timeline t) {
    ChainVerification verification = t.chain();
    return JsonViews.render(
        g -> {
          g.writeStartObject();
          g.writeFieldName("events");
          JsonViews.events(g, t.events());
          g.writeBooleanField("chainValid", verification.valid());
          g.writeBooleanField("chained", true);
          g.writeNumberField("verifiedFrom", t.verifiedFrom());
          if (!verification.valid()) {
            g.writeNumberField("failedAtIndex", verification.failedAtIndex());
            g.writeStringField("reason", verification.reason());
          }
          g.writeEndObject();
        });
  }

  @Get(uri = "/agents", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> listAgents(HttpRequest<?> request) {
    ApiKeyPrincipal key = auth.require(request);
    var list = sessions.agents(key.orgId());
    return json(
        JsonViews.render(
            g -> {
              g.writeStartObject();
              g.writeArrayFieldStart("agents");
              for (var a : list) {
                JsonViews.agent(g, a);
              }
              g.writeEndArray();
              g.writeEndObject();
            }));
  }

  @Get(uri = "/agents/{id}", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> agent(HttpRequest<?> request, @PathVariable String id) {
    ApiKeyPrincipal key = auth.require(request);
    return sessions
        .agent(key.orgId(), id)
        .<MutableHttpResponse<?>>map(
            a -> {
              var control =
                  controls
                      .find(key.orgId(), id)
                      .orElse(ai.agentlens.core.guardrail.model.AgentControl.NONE);
              var effective = settings.effective(key.orgId(), id);
              return json(JsonViews.render(g -> JsonViews.agent(g, a, control, effective)));
            })
        .orElseGet(() -> notFound("Agent not found"));
  }

  private static MutableHttpResponse<String> json(String body) {
    return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private static MutableHttpResponse<ErrorBody> notFound(String message) {
    return HttpResponse.<ErrorBody>notFound().body(ErrorBody.of(message, 404));
  }

  private static Optional<SessionStatus> status(String raw) {
    return Arrays.stream(SessionStatus.values()).filter(v -> wireName(v).equals(raw)).findFirst();
  }

  private static String wireName(SessionStatus s) {
    return s.name().toLowerCase(Locale.ROOT);
  }

  private static List<String> wireNames(EventType[] types) {
    return Arrays.stream(types).map(EventType::wireName).toList();
  }

  private static List<String> wireNames(Severity[] severities) {
    return Arrays.stream(severities).map(Severity::wireName).toList();
  }
}
