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
import ai.agentlens.web.auth.ApiKeyAuth;
import ai.agentlens.web.error.BadRequestException;
import ai.agentlens.web.error.ErrorBody;
import ai.agentlens.web.error.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The read APIs the SDKs call (reference §3.5): events, sessions, timelines, agents. Every query is
 * scoped to the org of the presented key; another org's ids answer 404, never data. The reads are
 * the core read use cases the dashboard shows too.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReadController {

  private final ApiKeyAuth auth;
  private final EventReads events;
  private final SessionReads sessions;
  private final SessionTimeline timelines;

  ReadController(
      ApiKeyAuth auth, EventReads events, SessionReads sessions, SessionTimeline timelines) {
    this.auth = auth;
    this.events = events;
    this.sessions = sessions;
    this.timelines = timelines;
  }

  @Get(uri = "/events", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> listEvents(
      HttpRequest<?> request,
      @Nullable @QueryValue String sessionId,
      @Nullable @QueryValue String agentId,
      @Nullable @QueryValue String eventType,
      @Nullable @QueryValue String severity,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to,
      @Nullable @QueryValue Integer limit,
      @Nullable @QueryValue Integer offset) {
    ApiKeyPrincipal key = auth.require(request);
    List<Problem> problems = new ArrayList<>();
    EventQuery query =
        new EventQuery(
            blankToNull(sessionId),
            blankToNull(agentId),
            eventType(eventType, problems),
            severity(severity, problems),
            instant("from", from, problems),
            instant("to", to, problems),
            limit == null ? 50 : limit,
            offset == null ? 0 : offset);
    if (!problems.isEmpty()) {
      throw new BadRequestException("Invalid query", problems);
    }
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
  HttpResponse<String> listSessions(
      HttpRequest<?> request,
      @Nullable @QueryValue String agentId,
      @Nullable @QueryValue Integer limit,
      @Nullable @QueryValue Integer offset) {
    ApiKeyPrincipal key = auth.require(request);
    SessionList page =
        sessions.list(
            key.orgId(),
            SessionFilter.byAgent(agentId),
            limit == null ? 50 : limit,
            offset == null ? 0 : offset);
    return json(
        JsonViews.render(
            g -> {
              g.writeStartObject();
              g.writeArrayFieldStart("sessions");
              for (ReportedSession s : page.sessions()) {
                JsonViews.session(g, s);
              }
              g.writeEndArray();
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
        .<MutableHttpResponse<?>>map(a -> json(JsonViews.render(g -> JsonViews.agent(g, a))))
        .orElseGet(() -> notFound("Agent not found"));
  }

  private static MutableHttpResponse<String> json(String body) {
    return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private static MutableHttpResponse<ErrorBody> notFound(String message) {
    return HttpResponse.<ErrorBody>notFound().body(ErrorBody.of(message, 404));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static EventType eventType(String raw, List<Problem> problems) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return EventType.fromWireName(raw)
        .orElseGet(
            () -> {
              problems.add(
                  new Problem(
                      "eventType", "unknown event type '" + raw + "' (one type per query)"));
              return null;
            });
  }

  private static Severity severity(String raw, List<Problem> problems) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return Severity.fromWireName(raw)
        .orElseGet(
            () -> {
              problems.add(
                  new Problem("severity", "must be one of [debug, info, warn, error, critical]"));
              return null;
            });
  }

  private static Instant instant(String name, String raw, List<Problem> problems) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(raw).toInstant();
    } catch (DateTimeParseException e) {
      problems.add(new Problem(name, "must be an RFC 3339 date-time, e.g. 2025-01-01T00:00:00Z"));
      return null;
    }
  }
}
