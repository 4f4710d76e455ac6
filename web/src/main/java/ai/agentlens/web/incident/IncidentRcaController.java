package ai.agentlens.web.incident;

import ai.agentlens.core.incident.Incidents;
import ai.agentlens.core.incident.RootCauseAnalyzer;
import ai.agentlens.core.port.incident.IncidentStore;
import ai.agentlens.web.error.ErrorBody;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Root-cause analysis of incidents (issue 17, seed 003 R4.4): {@code GET /api/incidents/{id}/rca}
 * reads the latest analysis (members; {@code status: none} before the first), {@code POST
 * /api/incidents/{id}/rca} runs one now, waiting for the model up to its timeout, stores and
 * returns it (Owner/Admin or an org key; audited {@code incident.rca}). A model that fails answers
 * {@code 200} with {@code status: failed}, the fault and {@code retryable: true}: the analysis is
 * stored as failed and can be run again. Another org's incident is a 404.
 */
@Controller("/api/incidents/{id}/rca")
@ExecuteOn(TaskExecutors.BLOCKING)
public class IncidentRcaController {

  private final IncidentAccess access;
  private final Incidents incidents;
  private final RootCauseAnalyzer analyzer;
  private final IncidentStore store;

  IncidentRcaController(
      IncidentAccess access, Incidents incidents, RootCauseAnalyzer analyzer, IncidentStore store) {
    this.store = store;
    this.access = access;
    this.incidents = incidents;
    this.analyzer = analyzer;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> read(HttpRequest<?> request, @PathVariable String id) {
    String org = access.reader(request);
    if (store.find(org, id).isEmpty()) {
      return notFound(IncidentController.NOT_FOUND);
    }
    return json(analyzer.find(org, id).map(RcaJson::one).orElseGet(() -> RcaJson.none(id)));
  }

  @Post(produces = MediaType.APPLICATION_JSON, consumes = MediaType.ALL)
  MutableHttpResponse<?> run(HttpRequest<?> request, @PathVariable String id) {
    IncidentAccess.Writer w = access.writer(request);
    return analyzer
        .analyze(w.orgId(), id)
        .<MutableHttpResponse<?>>map(
            r -> {
              incidents.rcaRequested(w.orgId(), w.actor(), id, r.status().wireName());
              return json(RcaJson.one(r));
            })
        .orElseGet(() -> notFound(IncidentController.NOT_FOUND));
  }

  private static MutableHttpResponse<String> json(String body) {
    return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private static MutableHttpResponse<?> notFound(String message) {
    return HttpResponse.<ErrorBody>notFound().body(ErrorBody.of(message, 404));
  }
}
