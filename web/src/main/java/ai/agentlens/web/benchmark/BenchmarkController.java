package ai.agentlens.web.benchmark;

import ai.agentlens.core.benchmark.Benchmarks;
import ai.agentlens.core.benchmark.InvalidBenchmarkException;
import ai.agentlens.core.benchmark.TransitionRefusedException;
import ai.agentlens.core.benchmark.model.Benchmark;
import ai.agentlens.core.benchmark.model.BenchmarkStatus;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.json.Json;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.web.error.BadRequestException;
import ai.agentlens.web.error.ErrorBody;
import ai.agentlens.web.error.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A/B benchmarks (reference §4.3.5): {@code POST/GET /api/benchmarks}, {@code GET/DELETE
 * /api/benchmarks/{id}}, {@code PUT /api/benchmarks/{id}/status} and {@code GET
 * /api/benchmarks/{id}/results}. Bad bodies are 400 with details, a change the lifecycle refuses
 * 409, another org's benchmark 404, a Viewer's change 403 (see {@link BenchmarkAccess}).
 */
@Controller("/api/benchmarks")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BenchmarkController {

  /** The 404 message. */
  static final String NOT_FOUND = "Benchmark not found";

  private static final int MAX_BODY = 64 * 1024;

  private final BenchmarkAccess access;
  private final Benchmarks benchmarks;

  BenchmarkController(BenchmarkAccess access, Benchmarks benchmarks) {
    this.access = access;
    this.benchmarks = benchmarks;
  }

  @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> create(HttpRequest<?> request, @Nullable @Body String body) {
    String orgId = access.write(request);
    Benchmark b = benchmarks.create(orgId, object(body));
    return json(HttpStatus.CREATED, BenchmarkJson.one(b));
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> list(HttpRequest<?> request) {
    String orgId = access.read(request);
    String raw = request.getParameters().get("status");
    BenchmarkStatus status = null;
    if (raw != null && !raw.isBlank()) {
      status = BenchmarkStatus.parse(raw.trim()).orElseThrow(() -> badStatus("status"));
    }
    return json(HttpStatus.OK, BenchmarkJson.list(benchmarks.list(orgId, status)));
  }

  @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> get(HttpRequest<?> request, @PathVariable String id) {
    return found(benchmarks.find(access.read(request), id).map(BenchmarkJson::one));
  }

  @Put(uri = "/{id}/status", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> status(
      HttpRequest<?> request, @PathVariable String id, @Nullable @Body String body) {
    String orgId = access.write(request);
    Object raw = object(body).get("status");
    BenchmarkStatus to =
        (raw instanceof String s ? BenchmarkStatus.parse(s) : Optional.<BenchmarkStatus>empty())
            .orElseThrow(() -> badStatus("status"));
    return found(benchmarks.move(orgId, id, to).map(BenchmarkJson::one));
  }

  @Get(uri = "/{id}/results", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> results(HttpRequest<?> request, @PathVariable String id) {
    return found(benchmarks.results(access.read(request), id));
  }

  @Delete(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> delete(HttpRequest<?> request, @PathVariable String id) {
    String orgId = access.write(request);
    return benchmarks.delete(orgId, id) ? json(HttpStatus.OK, "{\"ok\":true}") : notFound();
  }

  @Error(exception = InvalidBenchmarkException.class)
  HttpResponse<ErrorBody> invalid(InvalidBenchmarkException e) {
    return HttpResponse.<ErrorBody>badRequest()
        .body(
            new ErrorBody(
                "Validation failed",
                400,
                e.problems().stream().map(p -> new Problem(p.path(), p.message())).toList(),
                null));
  }

  @Error(exception = TransitionRefusedException.class)
  HttpResponse<ErrorBody> refused(TransitionRefusedException e) {
    return HttpResponse.<ErrorBody>status(HttpStatus.CONFLICT)
        .body(ErrorBody.of(e.getMessage(), 409));
  }

  private static JsonObject object(String body) {
    try {
      return Json.object("body", body, MAX_BODY);
    } catch (InvalidInputException e) {
      throw new BadRequestException(
          "Validation failed", List.of(new Problem("body", "must be a JSON object")));
    }
  }

  private static BadRequestException badStatus(String path) {
    return new BadRequestException(
        "Validation failed",
        List.of(
            new Problem(
                path,
                "must be one of "
                    + Arrays.stream(BenchmarkStatus.values())
                        .map(BenchmarkStatus::wireName)
                        .toList())));
  }

  private static MutableHttpResponse<?> found(Optional<String> body) {
    return body.<MutableHttpResponse<?>>map(b -> json(HttpStatus.OK, b))
        .orElseGet(BenchmarkController::notFound);
  }

  private static MutableHttpResponse<?> notFound() {
    return HttpResponse.<ErrorBody>notFound().body(ErrorBody.of(NOT_FOUND, 404));
  }

  private static MutableHttpResponse<String> json(HttpStatus status, String body) {
    return HttpResponse.<String>status(status)
        .body(body)
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
