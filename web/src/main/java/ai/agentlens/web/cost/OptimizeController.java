package ai.agentlens.web.cost;

import ai.agentlens.core.optimize.CostRecommendation;
import ai.agentlens.core.optimize.CostRecommendations;
import ai.agentlens.core.optimize.OptimizationResult;
import ai.agentlens.web.auth.SessionOrKeyAuth;
import ai.agentlens.web.read.JsonViews;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code GET /api/optimize/recommendations?agentId&period=1..90&limit=1..50} (reference §3.5,
 * §4.3.8): cheaper-model recommendations from the org's paired LLM calls. API key or dashboard
 * session; scoped to the caller's org.
 */
@Controller("/api/optimize")
@ExecuteOn(TaskExecutors.BLOCKING)
public class OptimizeController {

  private final SessionOrKeyAuth auth;
  private final CostRecommendations recommendations;

  OptimizeController(SessionOrKeyAuth auth, CostRecommendations recommendations) {
    this.auth = auth;
    this.recommendations = recommendations;
  }

  @Get(uri = "/recommendations", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> recommendations(HttpRequest<?> request) {
    SessionOrKeyAuth.Caller caller = auth.require(request);
    CostParams p = new CostParams(request.getParameters());
    int period =
        p.integer(
            "period",
            CostRecommendations.DEFAULT_PERIOD,
            CostRecommendations.MIN_PERIOD,
            CostRecommendations.MAX_PERIOD);
    int limit =
        p.integer(
            "limit",
            CostRecommendations.DEFAULT_LIMIT,
            CostRecommendations.MIN_LIMIT,
            CostRecommendations.MAX_LIMIT);
    String agentId = p.text("agentId");
    p.check();
    OptimizationResult r = recommendations.recommend(caller.orgId(), agentId, period, limit);
    return HttpResponse.ok(render(r)).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  /**
   * Renders recommendations as the route answers them (also the MCP tool).
   *
   * @param r the result
   * @return the JSON text
   */
  public static String render(OptimizationResult r) {
    return JsonViews.render(
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("recommendations");
          for (CostRecommendation c : r.recommendations()) {
            g.writeStartObject();
            g.writeStringField("currentModel", c.currentModel());
            g.writeStringField("recommendedModel", c.recommendedModel());
            g.writeStringField("complexityTier", c.complexityTier().wireName());
            g.writeNumberField("currentCostPerCall", c.currentCostPerCall());
            g.writeNumberField("recommendedCostPerCall", c.recommendedCostPerCall());
            g.writeNumberField("monthlySavings", c.monthlySavings());
            g.writeNumberField("callVolume", c.callVolume());
            g.writeNumberField("currentSuccessRate", c.currentSuccessRate());
            g.writeNumberField("recommendedSuccessRate", c.recommendedSuccessRate());
            g.writeStringField("confidence", c.confidence().wireName());
            g.writeStringField("agentId", c.agentId());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeNumberField("totalPotentialSavings", r.totalPotentialSavings());
          g.writeNumberField("period", r.period());
          g.writeNumberField("analyzedCalls", r.analyzedCalls());
          g.writeEndObject();
        });
  }
}
