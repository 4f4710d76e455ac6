package ai.agentlens.web.read;

import ai.agentlens.core.health.HealthHistory;
import ai.agentlens.core.health.snapshot.HealthSnapshot;
import ai.agentlens.web.auth.SessionOrKeyAuth;
import ai.agentlens.web.error.BadRequestException;
import ai.agentlens.web.error.ErrorBody;
import ai.agentlens.web.error.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/**
 * {@code GET /api/health/history?agentId&days}: an agent's daily health snapshots (written by the
 * snapshot job, never by this read), oldest first, in the reference's wrapper shape; and {@code PUT
 * /api/config/health-weights}, which answers 501 as in the reference (weights are fixed).
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HealthHistoryController {

  private final SessionOrKeyAuth auth;
  private final HealthHistory history;

  HealthHistoryController(SessionOrKeyAuth auth, HealthHistory history) {
    this.auth = auth;
    this.history = history;
  }

  @Get(uri = "/health/history", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> history(HttpRequest<?> request) {
    String org = auth.require(request).orgId();
    QueryParams p = new QueryParams(request.getParameters());
    int days =
        p.integer(
            "days", HealthHistory.DEFAULT_DAYS, HealthHistory.MIN_DAYS, HealthHistory.MAX_DAYS);
    p.check();
    String agentId = request.getParameters().get("agentId");
    if (agentId == null || agentId.isBlank()) {
      throw new BadRequestException(
          "Invalid query", List.of(new Problem("agentId", "is required")));
    }
    List<HealthSnapshot> snaps = history.read(org, agentId, days);
    String body =
        JsonViews.render(
            g -> {
              g.writeStartObject();
              g.writeArrayFieldStart("snapshots");
              for (HealthSnapshot s : snaps) {
                g.writeStartObject();
                g.writeStringField("agentId", s.agentId());
                g.writeStringField("date", s.date().toString());
                g.writeNumberField("overallScore", s.overallScore());
                g.writeNumberField("errorRateScore", s.errorRateScore());
                g.writeNumberField("costEfficiencyScore", s.costEfficiencyScore());
                g.writeNumberField("toolSuccessScore", s.toolSuccessScore());
                g.writeNumberField("latencyScore", s.latencyScore());
                g.writeNumberField("completionRateScore", s.completionRateScore());
                g.writeNumberField("sessionCount", s.sessionCount());
                g.writeEndObject();
              }
              g.writeEndArray();
              g.writeStringField("agentId", agentId);
              g.writeNumberField("days", days);
              g.writeEndObject();
            });
    return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  @Put(uri = "/config/health-weights", consumes = MediaType.ALL)
  HttpResponse<ErrorBody> putWeights(HttpRequest<?> request) {
    auth.require(request);
    return HttpResponse.<ErrorBody>status(HttpStatus.NOT_IMPLEMENTED)
        .body(ErrorBody.of("Health weights are fixed; changing them is not implemented", 501));
  }
}
