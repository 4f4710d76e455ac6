package ai.agentlens.web.alerts;

import ai.agentlens.core.alert.AlertRule;
import ai.agentlens.core.alerting.AlertRules;
import ai.agentlens.core.port.alerting.AlertHistory;
import ai.agentlens.core.port.alerting.AlertRuleStore;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Alert rules and their history (reference §4.3.9): {@code GET/POST /api/alerts/rules}, {@code
 * GET/PUT/DELETE /api/alerts/rules/{id}}, {@code GET /api/alerts/history?ruleId&limit&offset}.
 * Scoped to the caller's org; another org's rule is a 404.
 */
@Controller("/api/alerts")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AlertController {

  static final String NOT_FOUND = "Alert rule not found";

  private final AlertAccess access;
  private final AlertRules rules;
  private final AlertRuleStore store;
  private final AlertHistory history;

  AlertController(
      AlertAccess access, AlertRules rules, AlertRuleStore store, AlertHistory history) {
    this.access = access;
    this.rules = rules;
    this.store = store;
    this.history = history;
  }

  @Get(uri = "/rules", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> list(HttpRequest<?> request) {
    return json(AlertJson.rules(store.list(access.reader(request), false)));
  }

  @Post(uri = "/rules", produces = MediaType.APPLICATION_JSON, consumes = MediaType.ALL)
  MutableHttpResponse<?> create(HttpRequest<?> request, @Nullable @Body String body) {
    AlertAccess.Writer w = access.writer(request);
    AlertRule.AlertSpec spec = AlertJson.read(body, AlertJson.DEFAULTS);
    try {
      AlertRule r = rules.create(w.orgId(), w.actor(), spec);
      return HttpResponse.created(AlertJson.rule(r)).contentType(MediaType.APPLICATION_JSON_TYPE);
    } catch (AlertRules.InvalidSpecException e) {
      throw AlertJson.invalid(e);
    }
  }

  @Get(uri = "/rules/{id}", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> one(HttpRequest<?> request, @PathVariable String id) {
    return store
        .find(access.reader(request), id)
        .<MutableHttpResponse<?>>map(r -> json(AlertJson.rule(r)))
        .orElseGet(AlertController::notFound);
  }

  @Put(uri = "/rules/{id}", produces = MediaType.APPLICATION_JSON, consumes = MediaType.ALL)
  MutableHttpResponse<?> update(
      HttpRequest<?> request, @PathVariable String id, @Nullable @Body String body) {
    AlertAccess.Writer w = access.writer(request);
    var old = store.find(w.orgId(), id);
    if (old.isEmpty()) {
      return notFound();
    }
    AlertRule.AlertSpec spec = AlertJson.read(body, old.get().spec());
    try {
      return rules
          .update(w.orgId(), w.actor(), id, spec)
          .<MutableHttpResponse<?>>map(r -> json(AlertJson.rule(r)))
          .orElseGet(AlertController::notFound);
    } catch (AlertRules.InvalidSpecException e) {
      throw AlertJson.invalid(e);
    }
  }

  @Delete(uri = "/rules/{id}", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> delete(HttpRequest<?> request, @PathVariable String id) {
    AlertAccess.Writer w = access.writer(request);
    return rules.delete(w.orgId(), w.actor(), id) ? json("{\"ok\":true}") : notFound();
  }

  @Get(uri = "/history", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> history(HttpRequest<?> request) {
    String org = access.reader(request);
    List<Problem> problems = new ArrayList<>();
    int limit = intParam(request, "limit", 50, 1, 200, problems);
    int offset = intParam(request, "offset", 0, 0, 1_000_000, problems);
    if (!problems.isEmpty()) {
      throw new BadRequestException("Invalid query", problems);
    }
    String ruleId = request.getParameters().get("ruleId");
    AlertHistory.Page page =
        history.list(org, ruleId == null || ruleId.isBlank() ? null : ruleId, limit, offset);
    return json(AlertJson.history(page.firings(), page.total()));
  }

  private static int intParam(
      HttpRequest<?> request, String name, int fallback, int min, int max, List<Problem> out) {
    String raw = request.getParameters().get(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(raw.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    out.add(new Problem(name, "must be a whole number from " + min + " to " + max));
    return fallback;
  }

  private static MutableHttpResponse<String> json(String body) {
    return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private static MutableHttpResponse<?> notFound() {
    return HttpResponse.<ErrorBody>notFound().body(ErrorBody.of(NOT_FOUND, 404));
  }
}
