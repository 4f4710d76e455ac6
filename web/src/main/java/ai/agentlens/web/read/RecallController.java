package ai.agentlens.web.read;

import ai.agentlens.core.memory.Recall;
import ai.agentlens.core.memory.RecallHit;
import ai.agentlens.core.memory.RecallQuery;
import ai.agentlens.core.memory.RecallResult;
import ai.agentlens.core.memory.RecallScope;
import ai.agentlens.core.port.memory.EmbeddingUnavailableException;
import ai.agentlens.web.auth.SessionOrKeyAuth;
import ai.agentlens.web.error.ErrorBody;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;

/**
 * Semantic recall (reference §4.3.7): {@code GET /api/recall?query&scope&agentId&from&to&limit&
 * minScore}. Takes an API key or a dashboard session of the org; every answer holds only that org's
 * embeddings. Bad parameters are a 400 naming each; {@code scope=lessons} answers nothing with an
 * {@code X-Deprecated} header; without an embedding model (or when it cannot answer) the route is a
 * 503 with a message, as the reference server's.
 */
@Controller("/api/recall")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RecallController {

  /** The header that marks the deprecated {@code lessons} scope. */
  static final String DEPRECATED = "X-Deprecated";

  private static final JsonFactory JSON = new JsonFactory();

  private final SessionOrKeyAuth auth;
  private final Recall recall;

  RecallController(SessionOrKeyAuth auth, Recall recall) {
    this.auth = auth;
    this.recall = recall;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> recall(HttpRequest<?> request) {
    String orgId = auth.require(request).orgId();
    QueryParams p = new QueryParams(request.getParameters());
    String query = p.required("query");
    RecallScope scope = scope(p);
    String agentId = p.text("agentId");
    Instant from = p.instant("from");
    Instant to = p.instant("to");
    p.ordered(from, to);
    int limit =
        p.integer("limit", RecallQuery.DEFAULT_LIMIT, RecallQuery.MIN_LIMIT, RecallQuery.MAX_LIMIT);
    double minScore = p.decimal("minScore", 0, 0, 1);
    p.check();
    RecallResult r =
        recall.recall(orgId, new RecallQuery(query, scope, agentId, from, to, limit, minScore));
    MutableHttpResponse<String> out =
        HttpResponse.ok(render(r)).contentType(MediaType.APPLICATION_JSON_TYPE);
    if (r.deprecatedScope()) {
      out.header(
          DEPRECATED, "scope=lessons is deprecated: lessons moved out of AgentLens; always empty");
    }
    return out;
  }

  private static RecallScope scope(QueryParams p) {
    String raw = p.text("scope");
    if (raw == null) {
      return RecallScope.ALL;
    }
    return RecallScope.parse(raw)
        .orElseGet(
            () -> {
              p.invalid(
                  "scope",
                  "must be one of "
                      + Arrays.stream(RecallScope.values()).map(RecallScope::wireName).toList());
              return RecallScope.ALL;
            });
  }

  @Error(exception = EmbeddingUnavailableException.class)
  HttpResponse<ErrorBody> unavailable(EmbeddingUnavailableException e) {
    return HttpResponse.<ErrorBody>status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(ErrorBody.of(e.getMessage(), 503));
  }

  static String render(RecallResult r) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeArrayFieldStart("results");
      for (RecallHit h : r.results()) {
        g.writeStartObject();
        g.writeStringField("sourceType", h.sourceType());
        g.writeStringField("sourceId", h.sourceId());
        g.writeNumberField("score", h.score());
        g.writeStringField("text", h.text());
        g.writeObjectFieldStart("metadata");
        g.writeStringField("embeddingModel", h.embeddingModel());
        g.writeStringField("createdAt", JsonViews.time(h.createdAt()));
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("query", r.query());
      g.writeNumberField("totalResults", r.totalResults());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }
}
