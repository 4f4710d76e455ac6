package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.event.ChainVerification;
import ai.agentlens.core.read.ReportedSession;
import ai.agentlens.core.read.SessionFilter;
import ai.agentlens.core.read.SessionList;
import ai.agentlens.core.read.SessionReads;
import ai.agentlens.core.read.SessionTimeline;
import ai.agentlens.core.read.Timeline;
import ai.agentlens.core.session.Session;
import ai.agentlens.core.session.SessionStatus;
import ai.agentlens.web.dashboard.support.Flash;
import ai.agentlens.web.dashboard.support.OrgContext;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.support.Redirects;
import ai.agentlens.web.dashboard.view.Fmt;
import ai.agentlens.web.dashboard.view.Layout;
import ai.agentlens.web.dashboard.view.SessionPage;
import ai.agentlens.web.dashboard.view.SessionsPage;
import ai.agentlens.web.dashboard.view.TimelineItem.Fact;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The sessions list with filters and paging, and one session's timeline (FR-82, FR-83). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class SessionPages {

  // why: a session row may exist before its first event is committed; it shows an empty timeline
  private static final Timeline EMPTY_TIMELINE =
      new Timeline(List.of(), false, ChainVerification.VALID);

  /** Sessions per page. */
  static final int PAGE_SIZE = 25;

  /** A session page shows at most this many events; the chain is verified in full regardless. */
  static final int MAX_TIMELINE = 5_000;

  private final OrgContext context;
  private final SessionReads sessions;
  private final SessionTimeline timelines;

  SessionPages(OrgContext context, SessionReads sessions, SessionTimeline timelines) {
    this.context = context;
    this.sessions = sessions;
    this.timelines = timelines;
  }

  @Get("/sessions")
  MutableHttpResponse<?> list(
      HttpRequest<?> request,
      @Nullable @QueryValue String agent,
      @Nullable @QueryValue String status,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to,
      @Nullable @QueryValue String tag,
      @Nullable @QueryValue Integer page) {
    OrgContext.Current c = context.require(request);
    Layout layout = context.layout(c, "Sessions", "sessions").withFlash(Flash.read(request));
    List<String> problems = new ArrayList<>();
    SessionStatus st = status(status, problems);
    Instant fromT = instant("From", from, problems);
    Instant toT = instant("To", to, problems);
    int pageNo = page == null || page < 1 ? 1 : Math.min(page, 10_000);
    SessionList found =
        problems.isEmpty()
            ? sessions.list(
                c.orgId(),
                new SessionFilter(agent, st, fromT, toT, tag),
                PAGE_SIZE,
                (pageNo - 1) * PAGE_SIZE)
            : SessionList.empty();
    List<SessionsPage.Row> rows = found.sessions().stream().map(SessionPages::row).toList();
    Map<String, String> q = new LinkedHashMap<>();
    q.put("agent", agent);
    q.put("status", status);
    q.put("from", from);
    q.put("to", to);
    q.put("tag", tag);
    List<SessionsPage.Option> agentOptions =
        sessions.agents(c.orgId()).stream()
            .map(a -> new SessionsPage.Option(a.id(), a.name(), a.id().equals(agent)))
            .toList();
    boolean filtered = q.values().stream().anyMatch(v -> v != null && !v.isBlank());
    SessionsPage view =
        new SessionsPage(
            layout,
            rows,
            agentOptions,
            or(agent),
            or(status),
            or(from),
            or(to),
            or(tag),
            pageNo,
            pageNo > 1 ? url(q, pageNo - 1) : null,
            found.hasMore() ? url(q, pageNo + 1) : null,
            filtered,
            problems.isEmpty() ? null : String.join(" ", problems));
    return Pages.shown(request, "sessions", view)
        .status(problems.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST);
  }

  @Get("/sessions/{id}")
  MutableHttpResponse<?> detail(HttpRequest<?> request, @PathVariable String id) {
    OrgContext.Current c = context.require(request);
    ReportedSession reported =
        sessions
            .find(c.orgId(), id)
            .orElseThrow(
                () ->
                    new AccountException(
                        AccountException.Kind.NOT_FOUND, "No session " + id + " in this org."));
    Session s = reported.session();
    Timeline timeline = timelines.read(c.orgId(), id, 0, MAX_TIMELINE).orElse(EMPTY_TIMELINE);
    ChainVerification v = timeline.chain();
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("Events", Fmt.count(s.eventCount())));
    facts.add(new Fact("LLM calls", Fmt.count(s.llmCallCount())));
    facts.add(new Fact("Tool calls", Fmt.count(s.toolCallCount())));
    facts.add(new Fact("Errors", Fmt.count(s.errorCount())));
    facts.add(
        new Fact(
            "Tokens",
            Fmt.count(s.totalInputTokens())
                + " in / "
                + Fmt.count(s.totalOutputTokens())
                + " out"));
    facts.add(new Fact("Cost", Fmt.usd(s.totalCostUsd())));
    SessionPage view =
        new SessionPage(
            context.layout(c, "Session " + id, "sessions").withFlash(Flash.read(request)),
            s.id(),
            s.agentName() == null ? s.agentId() : s.agentName(),
            statusOf(reported),
            Fmt.time(s.startedAt()),
            Fmt.span(s.startedAt(), s.endedAt() == null ? s.lastEventAt() : s.endedAt()),
            facts,
            s.tags(),
            Timelines.of(timeline.events(), c.org().settings().promptMasking()),
            v.valid(),
            v.valid() ? null : v.reason(),
            timeline.hasMore(),
            timeline.verifiedFrom());
    return Pages.shown(request, "session", view);
  }

  @Error(exception = AccountException.class)
  MutableHttpResponse<?> refused(AccountException e) {
    return Pages.error(e);
  }

  private static SessionsPage.Row row(ReportedSession reported) {
    Session s = reported.session();
    return new SessionsPage.Row(
        s.id(),
        s.agentName() == null ? s.agentId() : s.agentName(),
        statusOf(reported),
        Fmt.time(s.startedAt()),
        Fmt.iso(s.startedAt()),
        Fmt.span(s.startedAt(), s.endedAt() == null ? s.lastEventAt() : s.endedAt()),
        Fmt.count(s.eventCount()),
        s.errorCount(),
        Fmt.count(s.llmCallCount()),
        Fmt.usd(s.totalCostUsd()),
        s.tags());
  }

  private static String statusOf(ReportedSession s) {
    return s.status().name().toLowerCase(Locale.ROOT);
  }

  private static SessionStatus status(String raw, List<String> problems) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return SessionStatus.valueOf(raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add("Status must be active, idle, completed or error.");
      return null;
    }
  }

  private static Instant instant(String label, String raw, List<String> problems) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(raw.trim()).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      problems.add(label + " must be a date and time like 2026-03-01T12:00 (UTC).");
      return null;
    }
  }

  private static String url(Map<String, String> q, int page) {
    String params =
        q.entrySet().stream()
            .filter(e -> e.getValue() != null && !e.getValue().isBlank())
            .map(e -> e.getKey() + "=" + Redirects.encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return "/sessions?" + (params.isEmpty() ? "" : params + "&") + "page=" + page;
  }

  private static String or(String s) {
    return s == null ? "" : s;
  }
}
