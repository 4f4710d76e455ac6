package ai.agentlens.web.compliance;

import ai.agentlens.core.agentcard.AgentCard;
import ai.agentlens.core.agentcard.AgentCards;
import ai.agentlens.core.port.Clock;
import ai.agentlens.web.auth.SessionOrKeyAuth;
import ai.agentlens.web.error.ErrorBody;
import ai.agentlens.web.read.JsonViews;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/**
 * Agent cards (A2A shape, {@link AgentCardJson}): {@code GET /api/agents/{id}/card} for one
 * observed agent and {@code GET /api/agents/cards} for all of the org's, as one document. API key
 * or session; another org's agent is a 404 like an unknown one.
 */
@Controller("/api/agents")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AgentCardController {

  /** The 404 message. */
  static final String NOT_FOUND = "Agent not found";

  /** The export document's shape version. */
  static final String SCHEMA_VERSION = "1.0";

  private final SessionOrKeyAuth auth;
  private final AgentCards cards;
  private final Clock clock;

  AgentCardController(SessionOrKeyAuth auth, AgentCards cards, Clock clock) {
    this.auth = auth;
    this.cards = cards;
    this.clock = clock;
  }

  @Get(uri = "/{id}/card", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> card(HttpRequest<?> request, @PathVariable String id) {
    SessionOrKeyAuth.Caller caller = auth.require(request);
    return cards
        .card(caller.orgId(), id)
        .<MutableHttpResponse<?>>map(
            c ->
                HttpResponse.ok(JsonViews.render(g -> AgentCardJson.card(g, c)))
                    .contentType(MediaType.APPLICATION_JSON))
        .orElseGet(() -> HttpResponse.<ErrorBody>notFound().body(ErrorBody.of(NOT_FOUND, 404)));
  }

  @Get(uri = "/cards", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> all(HttpRequest<?> request) {
    SessionOrKeyAuth.Caller caller = auth.require(request);
    List<AgentCard> all = cards.all(caller.orgId());
    String body =
        JsonViews.render(
            g -> {
              g.writeStartObject();
              g.writeStringField("schemaVersion", SCHEMA_VERSION);
              g.writeStringField("orgId", caller.orgId());
              ComplianceJson.time(g, "generatedAt", clock.now());
              g.writeNumberField("count", all.size());
              g.writeArrayFieldStart("cards");
              for (AgentCard c : all) {
                AgentCardJson.card(g, c);
              }
              g.writeEndArray();
              g.writeEndObject();
            });
    return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON);
  }
}
