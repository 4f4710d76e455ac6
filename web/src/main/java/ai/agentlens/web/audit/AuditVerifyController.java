package ai.agentlens.web.audit;

import ai.agentlens.core.account.Access;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.audit.AuditVerifier;
import ai.agentlens.core.audit.VerificationReport;
import ai.agentlens.core.audit.VerificationTimeout;
import ai.agentlens.core.event.Event;
import ai.agentlens.web.auth.SessionAuth;
import ai.agentlens.web.auth.SessionOrKeyAuth;
import ai.agentlens.web.error.BadRequestException;
import ai.agentlens.web.error.ErrorBody;
import ai.agentlens.web.error.Problem;
import ai.agentlens.web.read.JsonViews;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Audit verification (reference §4.3.12): {@code GET /api/audit/verify?sessionId=} or {@code
 * ?from=&to=} (RFC 3339, at most a year apart) answers the signed report; {@code GET
 * /api/audit/verify/export} the same report with every verified event, as a download. An API key of
 * the org (issued by its Owners and Admins) or a session of an Owner or Admin; other roles 403.
 * Another org's session is 404. Past the time budget: 504.
 */
@Controller("/api/audit/verify")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditVerifyController {

  /** Most events one export carries. */
  static final int MAX_EXPORT_EVENTS = 100_000;

  private final SessionOrKeyAuth auth;
  private final SessionAuth sessions;
  private final Access access;
  private final AuditVerifier verifier;

  AuditVerifyController(
      SessionOrKeyAuth auth, SessionAuth sessions, Access access, AuditVerifier verifier) {
    this.auth = auth;
    this.sessions = sessions;
    this.access = access;
    this.verifier = verifier;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> verify(
      HttpRequest<?> request,
      @Nullable @QueryValue String sessionId,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to) {
    String org = allowed(request);
    return run(org, sessionId, from, to, e -> {})
        .<MutableHttpResponse<?>>map(r -> json(r.json()))
        .orElseGet(AuditVerifyController::notFound);
  }

  @Get(uri = "/export", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> export(
      HttpRequest<?> request,
      @Nullable @QueryValue String sessionId,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to) {
    String org = allowed(request);
    List<Event> read = new ArrayList<>();
    boolean[] tooMany = {false};
    Optional<VerificationReport> report =
        run(
            org,
            sessionId,
            from,
            to,
            e -> {
              if (read.size() < MAX_EXPORT_EVENTS) {
                read.add(e);
              } else {
                tooMany[0] = true;
              }
            });
    if (report.isEmpty()) {
      return notFound();
    }
    if (tooMany[0]) {
      throw new BadRequestException(
          "Too many events to export",
          List.of(
              new Problem(
                  "from",
                  "the range holds more than " + MAX_EXPORT_EVENTS + " events; narrow it")));
    }
    String body =
        JsonViews.render(
            g -> {
              g.writeStartObject();
              g.writeFieldName("report");
              g.writeRawValue(report.get().json());
              g.writeFieldName("events");
              JsonViews.events(g, read);
              g.writeEndObject();
            });
    String name = sessionId != null && !sessionId.isBlank() ? "session" : "range";
    return json(body)
        .header(
            "Content-Disposition",
            "attachment; filename=\"agentlens-audit-verification-" + name + ".json\"");
  }

  private Optional<VerificationReport> run(
      String org,
      String sessionId,
      String from,
      String to,
      java.util.function.Consumer<Event> sink) {
    if (sessionId != null && !sessionId.isBlank()) {
      return verifier.session(org, sessionId, sink);
    }
    if (from == null || from.isBlank() || to == null || to.isBlank()) {
      throw new BadRequestException(
          "Invalid query",
          List.of(new Problem("sessionId", "give sessionId, or both from and to")));
    }
    Instant f = instant("from", from);
    Instant t = instant("to", to);
    if (!AuditVerifier.validRange(f, t)) {
      throw new BadRequestException(
          "Invalid query",
          List.of(new Problem("to", "must be after from and at most one year after it")));
    }
    return Optional.of(verifier.range(org, f, t, sink));
  }

  private String allowed(HttpRequest<?> request) {
    SessionOrKeyAuth.Caller c = auth.require(request);
    if (!c.viaKey()) {
      access.require(sessions.require(request).caller(), c.orgId(), Permission.READ_AUDIT);
    }
    return c.orgId();
  }

  private static Instant instant(String field, String raw) {
    try {
      return OffsetDateTime.parse(raw.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRequestException(
          "Invalid query", List.of(new Problem(field, "an RFC 3339 time, got '" + raw + "'")));
    }
  }

  private static MutableHttpResponse<String> json(String body) {
    return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON);
  }

  private static MutableHttpResponse<?> notFound() {
    return HttpResponse.<ErrorBody>notFound().body(ErrorBody.of("Session not found", 404));
  }

  @io.micronaut.http.annotation.Error(exception = VerificationTimeout.class)
  HttpResponse<ErrorBody> timeout(VerificationTimeout e) {
    return HttpResponse.<ErrorBody>status(HttpStatus.GATEWAY_TIMEOUT)
        .body(ErrorBody.of(e.getMessage(), 504));
  }
}
