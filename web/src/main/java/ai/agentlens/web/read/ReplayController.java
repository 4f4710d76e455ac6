package ai.agentlens.web.read;

import ai.agentlens.core.event.EventType;
import ai.agentlens.core.replay.ReplayQuery;
import ai.agentlens.core.replay.SessionReplay;
import ai.agentlens.web.auth.SessionOrKeyAuth;
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

/**
 * Session replay (reference §4.3.4): {@code GET /api/sessions/{id}/replay?offset&limit&eventTypes&
 * includeContext}. Takes an API key or a dashboard session (the replay page reads it too); another
 * org's session is 404, bad parameters a 400 naming each.
 */
@Controller("/api/sessions")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReplayController {

  private final SessionOrKeyAuth auth;
  private final SessionReplay replays;

  ReplayController(SessionOrKeyAuth auth, SessionReplay replays) {
    this.auth = auth;
    this.replays = replays;
  }

  @Get(uri = "/{id}/replay", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> replay(HttpRequest<?> request, @PathVariable String id) {
    String orgId = auth.require(request).orgId();
    QueryParams p = new QueryParams(request.getParameters());
    int offset = p.integer("offset", 0, 0, Integer.MAX_VALUE);
    int limit =
        p.integer("limit", ReplayQuery.DEFAULT_LIMIT, ReplayQuery.MIN_LIMIT, ReplayQuery.MAX_LIMIT);
    var types =
        p.list(
            "eventTypes",
            EventType::fromWireName,
            Arrays.stream(EventType.values()).map(EventType::wireName).toList());
    boolean context = p.bool("includeContext", true);
    p.check();
    return replays
        .replay(orgId, id, new ReplayQuery(offset, limit, types, context))
        .<MutableHttpResponse<?>>map(
            r -> HttpResponse.ok(ReplayJson.render(r)).contentType(MediaType.APPLICATION_JSON_TYPE))
        .orElseGet(
            () -> HttpResponse.<ErrorBody>notFound().body(ErrorBody.of("Session not found", 404)));
  }
}
