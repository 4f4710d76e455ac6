package ai.agentlens.web.guardrail;

import ai.agentlens.core.guardrail.FieldError;
import ai.agentlens.core.guardrail.Guardrails;
import ai.agentlens.core.guardrail.RuleInvalidException;
import ai.agentlens.core.guardrail.content.ContentContext;
import ai.agentlens.core.guardrail.content.ContentGuard;
import ai.agentlens.core.guardrail.model.Direction;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.web.error.BadRequestException;
import ai.agentlens.web.error.ErrorBody;
import ai.agentlens.web.error.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import java.util.List;

/**
 * Guardrail rules (reference §3.5, §4.3.6): list, read, create (201), update (partial), delete,
 * trigger history, status, and content evaluation. Reads need any member or an API key; changes
 * need an Owner or Admin (see {@link GuardrailAccess}). Another org's rule answers 404.
 */
@Controller("/api/guardrails")
@ExecuteOn(TaskExecutors.BLOCKING)
public class GuardrailController {

  static final String NOT_FOUND = "Guardrail rule not found";

  private final GuardrailAccess access;
  private final Guardrails guardrails;
  private final RequestCheckCall requestCall;

  GuardrailController(GuardrailAccess access, Guardrails guardrails, RequestCheckCall requestCall) {
    this.requestCall = requestCall;
    this.access = access;
    this.guardrails = guardrails;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> list(
      HttpRequest<?> request, @Nullable String agentId, @Nullable String type) {
    var who = access.read(request);
    if (type != null && !type.isBlank() && !type.equals("content") && !type.equals("metric")) {
      throw bad("type", "must be content or metric");
    }
    var rules = guardrails.list(who.orgId(), blank(agentId), "content".equals(type));
    if ("metric".equals(type)) {
      rules = rules.stream().filter(r -> !r.conditionType().isContent()).toList();
    }
    return json(GuardrailJson.rules(rules));
  }

  @Get(uri = "/history", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> history(
      HttpRequest<?> request,
      @Nullable String ruleId,
      @Nullable String limit,
      @Nullable String offset) {
    var who = access.read(request);
    int l = Params.integer("limit", limit, 50, 1, 200);
    int o = Params.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
    return json(GuardrailJson.history(guardrails.history(who.orgId(), blank(ruleId), l, o)));
  }

  @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> get(HttpRequest<?> request, @PathVariable String id) {
    var who = access.read(request);
    return guardrails
        .get(who.orgId(), id)
        .<MutableHttpResponse<?>>map(r -> json(GuardrailJson.rule(r)))
        .orElseGet(GuardrailController::notFound);
  }

  @Get(uri = "/{id}/status", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> status(HttpRequest<?> request, @PathVariable String id) {
    var who = access.read(request);
    return guardrails
        .status(who.orgId(), id)
        .<MutableHttpResponse<?>>map(s -> json(GuardrailJson.status(s)))
        .orElseGet(GuardrailController::notFound);
  }

  @Post(produces = MediaType.APPLICATION_JSON, consumes = MediaType.ALL)
  MutableHttpResponse<?> create(HttpRequest<?> request, @Nullable @Body String body) {
    var who = access.manage(request);
    JsonObject in = Params.object(body);
    try {
      return HttpResponse.created(
              GuardrailJson.rule(guardrails.create(who.orgId(), who.actor(), in)))
          .contentType(MediaType.APPLICATION_JSON_TYPE);
    } catch (RuleInvalidException e) {
      throw invalid(e);
    }
  }

  @Put(uri = "/{id}", produces = MediaType.APPLICATION_JSON, consumes = MediaType.ALL)
  MutableHttpResponse<?> update(
      HttpRequest<?> request, @PathVariable String id, @Nullable @Body String body) {
    var who = access.manage(request);
    JsonObject in = Params.object(body);
    try {
      return guardrails
          .update(who.orgId(), who.actor(), id, in)
          .<MutableHttpResponse<?>>map(r -> json(GuardrailJson.rule(r)))
          .orElseGet(GuardrailController::notFound);
    } catch (RuleInvalidException e) {
      throw invalid(e);
    }
  }

  @Delete(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> delete(HttpRequest<?> request, @PathVariable String id) {
    var who = access.manage(request);
    return guardrails.delete(who.orgId(), who.actor(), id) ? json("{\"ok\":true}") : notFound();
  }

  @Post(uri = "/evaluate", produces = MediaType.APPLICATION_JSON, consumes = MediaType.ALL)
  MutableHttpResponse<?> evaluate(HttpRequest<?> request, @Nullable @Body String body) {
    var who = access.read(request);
    JsonObject in = Params.object(body);
    if (in.get("content") == null && in.get("request") instanceof JsonObject req) {
      return requestCall.answer(request, who.orgId(), req);
    }
    if (!(in.get("content") instanceof String content)) {
      throw bad("content", "is required (text)");
    }
    if (content.length() > Params.MAX_CONTENT) {
      throw bad("content", "must be at most " + Params.MAX_CONTENT + " characters");
    }
    JsonObject ctx = in.get("context") == null ? JsonObject.EMPTY : null;
    if (ctx == null && !(in.get("context") instanceof JsonObject)) {
      throw bad("context", "must be an object");
    }
    ctx = ctx != null ? ctx : (JsonObject) in.get("context");
    Direction dir = null;
    if (ctx.get("direction") != null) {
      dir =
          ctx.get("direction") instanceof String s ? Direction.fromWireName(s).orElse(null) : null;
      if (dir == null) {
        throw bad("context.direction", "must be one of input, output, both");
      }
    }
    long budget =
        Params.number("timeoutMs", in.get("timeoutMs"), ContentGuard.DEFAULT_BUDGET_MS, 1, 1000);
    return json(
        GuardrailJson.decision(
            guardrails.evaluate(
                who.orgId(),
                content,
                new ContentContext(text(ctx, "agentId"), text(ctx, "toolName"), dir),
                budget)));
  }

  private static String text(JsonObject o, String key) {
    return RequestCheckCall.text(o, "context.", key);
  }

  static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  static BadRequestException bad(String path, String message) {
    return new BadRequestException("Validation failed", List.of(new Problem(path, message)));
  }

  private static BadRequestException invalid(RuleInvalidException e) {
    return new BadRequestException(
        "Validation failed",
        e.errors().stream().map((FieldError f) -> new Problem(f.path(), f.message())).toList());
  }

  private static MutableHttpResponse<String> json(String body) {
    return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private static MutableHttpResponse<?> notFound() {
    return HttpResponse.<ErrorBody>notFound().body(ErrorBody.of(NOT_FOUND, 404));
  }
}
