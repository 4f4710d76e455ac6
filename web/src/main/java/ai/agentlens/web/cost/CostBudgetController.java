package ai.agentlens.web.cost;

import ai.agentlens.core.budget.CostBudgets;
import ai.agentlens.core.budget.InvalidBudgetException;
import ai.agentlens.core.budget.model.CostBudget;
import ai.agentlens.web.auth.SessionOrKeyAuth;
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
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;
import java.util.function.Function;

/**
 * Cost budgets (reference §4.3.11): {@code GET/POST /api/cost-budgets}, {@code GET/PUT/DELETE
 * /api/cost-budgets/{id}}, {@code GET …/{id}/status} and {@code GET …/{id}/breaches?limit=1..200}.
 * Reading takes an API key or a session; changing takes an API key or an Owner/Admin session (see
 * {@link BudgetWriteAuth}). Another org's budget is 404.
 */
@Controller("/api/cost-budgets")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CostBudgetController {

  /** The 404 message. */
  static final String NOT_FOUND = "Cost budget not found";

  private final SessionOrKeyAuth readers;
  private final BudgetWriteAuth writers;
  private final CostBudgets budgets;

  CostBudgetController(SessionOrKeyAuth readers, BudgetWriteAuth writers, CostBudgets budgets) {
    this.readers = readers;
    this.writers = writers;
    this.budgets = budgets;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> list(HttpRequest<?> request) {
    return json(HttpStatus.OK, BudgetJson.list(budgets.list(readers.require(request).orgId())));
  }

  @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> create(HttpRequest<?> request, @Nullable @Body String body) {
    BudgetWriteAuth.Writer w = writers.require(request);
    CostBudget b = valid(() -> budgets.create(w.orgId(), BudgetJson.parse(body), w.actor()));
    return json(HttpStatus.CREATED, BudgetJson.budget(b));
  }

  @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> get(HttpRequest<?> request, @PathVariable String id) {
    return found(budgets.find(readers.require(request).orgId(), id), BudgetJson::budget);
  }

  @Put(uri = "/{id}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> update(
      HttpRequest<?> request, @PathVariable String id, @Nullable @Body String body) {
    BudgetWriteAuth.Writer w = writers.require(request);
    Optional<CostBudget> b =
        valid(() -> budgets.update(w.orgId(), id, BudgetJson.parse(body), w.actor()));
    return found(b, BudgetJson::budget);
  }

  @Delete(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> delete(HttpRequest<?> request, @PathVariable String id) {
    BudgetWriteAuth.Writer w = writers.require(request);
    return budgets.delete(w.orgId(), id, w.actor())
        ? json(HttpStatus.OK, "{\"ok\":true}")
        : notFound();
  }

  @Get(uri = "/{id}/status", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> status(HttpRequest<?> request, @PathVariable String id) {
    return found(budgets.status(readers.require(request).orgId(), id), BudgetJson::status);
  }

  @Get(uri = "/{id}/breaches", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> breaches(HttpRequest<?> request, @PathVariable String id) {
    String orgId = readers.require(request).orgId();
    CostParams p = new CostParams(request.getParameters());
    int limit = p.integer("limit", 50, 1, CostBudgets.MAX_BREACHES);
    p.check();
    return found(budgets.breaches(orgId, id, limit), BudgetJson::breaches);
  }

  private static <T> T valid(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (InvalidBudgetException e) {
      throw new BadRequestException(
          "Validation failed",
          e.problems().stream().map(p -> new Problem(p.path(), p.message())).toList());
    }
  }

  private static <T> MutableHttpResponse<?> found(Optional<T> value, Function<T, String> render) {
    return value
        .<MutableHttpResponse<?>>map(v -> json(HttpStatus.OK, render.apply(v)))
        .orElseGet(CostBudgetController::notFound);
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
