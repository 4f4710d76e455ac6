package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.replay.Replay;
import ai.agentlens.core.replay.ReplayContext;
import ai.agentlens.core.replay.ReplayQuery;
import ai.agentlens.core.replay.ReplayStep;
import ai.agentlens.core.replay.SessionReplay;
import ai.agentlens.core.session.Session;
import ai.agentlens.web.dashboard.support.OrgContext;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.view.Fmt;
import ai.agentlens.web.dashboard.view.ReplayPage;
import ai.agentlens.web.dashboard.view.TimelineItem.Fact;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The replay page ({@code /sessions/{id}/replay?step=N}): one step of the session with its
 * cumulative cost and context, from the same {@link SessionReplay} as the API. The buttons are
 * links, so the page works without script; {@code /assets/replay.js} adds the keys (← → Home End).
 */
@Controller("/sessions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class ReplayPages {

  private static final int LISTED = 1000;

  private final OrgContext context;
  private final SessionReplay replays;

  ReplayPages(OrgContext context, SessionReplay replays) {
    this.context = context;
    this.replays = replays;
  }

  @Get("/{id}/replay")
  MutableHttpResponse<?> replay(
      HttpRequest<?> request, @PathVariable String id, @Nullable @QueryValue String step) {
    OrgContext.Current c = context.require(request);
    Replay list =
        replays
            .replay(c.orgId(), id, new ReplayQuery(0, LISTED, Set.of(), false))
            .orElseThrow(
                () ->
                    new AccountException(
                        AccountException.Kind.NOT_FOUND, "No session " + id + " in this org."));
    int total = list.totalSteps();
    int at = Math.max(0, Math.min(parse(step), total - 1));
    Replay one =
        replays
            .replay(c.orgId(), id, new ReplayQuery(at, 1, Set.of(), true))
            .orElseThrow(
                () ->
                    new AccountException(
                        AccountException.Kind.NOT_FOUND, "No session " + id + " in this org."));
    ReplayStep s = one.steps().get(0);
    ReplayContext x = s.context();
    boolean masked = c.org().settings().promptMasking();
    String base = "/sessions/" + Fmt.q(id) + "/replay?step=";
    List<ReplayPage.Link> links = new ArrayList<>();
    for (ReplayStep l : list.steps()) {
      links.add(
          new ReplayPage.Link(
              l.index() + 1, l.event().eventType().wireName(), base + l.index(), l.index() == at));
    }
    Session session = one.session().session();
    ReplayPage view =
        new ReplayPage(
            context.layout(c, "Replay " + id, "sessions"),
            id,
            session.agentName() == null ? session.agentId() : session.agentName(),
            total,
            at,
            at > 0 ? base + 0 : null,
            at > 0 ? base + (at - 1) : null,
            at < total - 1 ? base + (at + 1) : null,
            at < total - 1 ? base + (total - 1) : null,
            current(s),
            facts(x),
            x.eventCounts().entrySet().stream()
                .map(e -> new Fact(e.getKey(), Fmt.count(e.getValue())))
                .toList(),
            x.llmHistory().stream()
                .map(
                    l ->
                        new ReplayPage.Row(
                            l.model(),
                            l.callId(),
                            l.responded() ? "answered" : "waiting",
                            l.responded()
                                ? Fmt.usd(l.costUsd())
                                    + " · "
                                    + Fmt.ms(l.latencyMs())
                                    + (masked || l.response() == null
                                        ? ""
                                        : " · " + snippet(l.response()))
                                : ""))
                .toList(),
            x.toolResults().stream()
                .map(
                    t ->
                        new ReplayPage.Row(
                            t.toolName(),
                            t.callId(),
                            !t.completed() ? "running" : t.error() != null ? "failed" : "done",
                            (t.durationMs() == null ? "" : Fmt.ms(t.durationMs()))
                                + (t.error() == null ? "" : " · " + snippet(t.error()))))
                .toList(),
            x.pendingApprovals().stream()
                .map(a -> new ReplayPage.Row(a.action(), a.requestId(), a.status(), ""))
                .toList(),
            x.warnings(),
            links,
            masked);
    return Pages.shown(request, "replay", view);
  }

  @Error(exception = AccountException.class)
  MutableHttpResponse<?> refused(AccountException e) {
    return Pages.error(e);
  }

  private static ReplayPage.Step current(ReplayStep s) {
    String paired =
        s.pairedEvent() == null
            ? null
            : s.pairedEvent().eventType().wireName() + " · " + Fmt.ms(s.pairDurationMs());
    return new ReplayPage.Step(
        s.index() + 1,
        s.event().eventType().wireName(),
        s.event().severity().wireName(),
        Fmt.time(s.event().timestamp()),
        Fmt.iso(s.event().timestamp()),
        paired);
  }

  private static List<Fact> facts(ReplayContext x) {
    return List.of(
        new Fact("Cumulative cost", Fmt.usd(x.cumulativeCostUsd())),
        new Fact("Elapsed", Fmt.ms(x.elapsedMs())),
        new Fact("Event", (x.eventIndex() + 1) + " of " + x.totalEvents()),
        new Fact("Errors so far", Fmt.count(x.errorCount())),
        new Fact("LLM calls so far", Fmt.count(x.llmHistory().size())),
        new Fact("Tool calls so far", Fmt.count(x.toolResults().size())));
  }

  private static String snippet(String s) {
    return s.length() <= 120 ? s : s.substring(0, 119) + "…";
  }

  private static int parse(String raw) {
    try {
      return raw == null ? 0 : Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
