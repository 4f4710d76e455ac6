package ai.agentlens.web.read;

import ai.agentlens.core.apikey.ApiKeyPrincipal;
import ai.agentlens.core.health.AgentHealth;
import ai.agentlens.core.health.AgentHealthReport;
import ai.agentlens.core.health.HealthDimension;
import ai.agentlens.core.health.HealthWeights;
import ai.agentlens.web.auth.ApiKeyAuth;
import ai.agentlens.web.error.ErrorBody;
import com.fasterxml.jackson.core.JsonGenerator;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;

/**
 * Agent health scores (reference §4.3.3): one agent, every agent of the org, and the weights.
 * Scoped to the org of the presented key; another org's agent answers 404 like an agent without
 * sessions in the window.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AgentHealthController {

  /** The reference's 404 message. */
  static final String NO_SESSIONS = "No sessions found for agent in window";

  private final ApiKeyAuth auth;
  private final AgentHealth health;

  AgentHealthController(ApiKeyAuth auth, AgentHealth health) {
    this.auth = auth;
    this.health = health;
  }

  @Get(uri = "/agents/{id}/health", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> agent(HttpRequest<?> request, @PathVariable String id) {
    ApiKeyPrincipal key = auth.require(request);
    int window = window(request);
    return health
        .agent(key.orgId(), id, window)
        .<MutableHttpResponse<?>>map(r -> json(JsonViews.render(g -> report(g, r))))
        .orElseGet(() -> HttpResponse.<ErrorBody>notFound().body(ErrorBody.of(NO_SESSIONS, 404)));
  }

  @Get(uri = "/health/overview", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> overview(HttpRequest<?> request) {
    ApiKeyPrincipal key = auth.require(request);
    int window = window(request);
    AgentHealth.Overview overview = health.overview(key.orgId(), window);
    return json(
        JsonViews.render(
            g -> {
              g.writeStartObject();
              g.writeArrayFieldStart("agents");
              for (AgentHealthReport r : overview.agents()) {
                report(g, r);
              }
              g.writeEndArray();
              g.writeStringField("computedAt", JsonViews.time(overview.computedAt()));
              g.writeEndObject();
            }));
  }

  @Get(uri = "/config/health-weights", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> weights(HttpRequest<?> request) {
    auth.require(request);
    HealthWeights w = health.weights();
    return json(
        JsonViews.render(
            g -> {
              g.writeStartObject();
              g.writeNumberField("errorRate", w.errorRate());
              g.writeNumberField("costEfficiency", w.costEfficiency());
              g.writeNumberField("toolSuccess", w.toolSuccess());
              g.writeNumberField("latency", w.latency());
              g.writeNumberField("completionRate", w.completionRate());
              g.writeEndObject();
            }));
  }

  private static int window(HttpRequest<?> request) {
    QueryParams p = new QueryParams(request.getParameters());
    int window =
        p.integer(
            "window", AgentHealth.DEFAULT_WINDOW, AgentHealth.MIN_WINDOW, AgentHealth.MAX_WINDOW);
    p.check();
    return window;
  }

  /**
   * Writes one health report as {@code GET /api/agents/{id}/health} answers it (also the MCP tool).
   *
   * @param g the generator
   * @param r the report
   * @throws IOException never for a string target
   */
  public static void report(JsonGenerator g, AgentHealthReport r) throws IOException {
    g.writeStartObject();
    g.writeStringField("agentId", r.agentId());
    g.writeNumberField("overallScore", r.overallScore());
    g.writeStringField("trend", r.trend().wireName());
    g.writeNumberField("trendDelta", r.trendDelta());
    g.writeArrayFieldStart("dimensions");
    for (HealthDimension d : r.dimensions()) {
      g.writeStartObject();
      g.writeStringField("name", d.name());
      g.writeNumberField("score", d.score());
      g.writeNumberField("weight", d.weight());
      g.writeNumberField("rawValue", d.rawValue());
      g.writeStringField("description", d.description());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("window");
    g.writeStringField("from", JsonViews.time(r.from()));
    g.writeStringField("to", JsonViews.time(r.to()));
    g.writeEndObject();
    g.writeNumberField("sessionCount", r.sessionCount());
    g.writeStringField("computedAt", JsonViews.time(r.computedAt()));
    g.writeEndObject();
  }

  private static MutableHttpResponse<String> json(String body) {
    return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
