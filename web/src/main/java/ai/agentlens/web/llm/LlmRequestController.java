package ai.agentlens.web.llm;

import ai.agentlens.core.account.Access;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.llm.LlmRequests;
import ai.agentlens.core.llm.SearchText;
import ai.agentlens.core.port.llm.LlmRequestQuery;
import ai.agentlens.core.port.llm.LlmRequestSort;
import ai.agentlens.core.port.llm.LlmRequestStatus;
import ai.agentlens.web.auth.SessionAuth;
import ai.agentlens.web.auth.SessionOrKeyAuth;
import ai.agentlens.web.error.ErrorBody;
import ai.agentlens.web.memory.MemoryParams;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.HashMap;
import java.util.Map;

/**
 * The LLM request log (seed 003 R3, R7; docs/llm-requests.md): {@code POST /api/llm/requests}
 * records and scores one request at once (an API key, or a session of a member who may write data,
 * with its CSRF token); {@code GET /api/llm/requests} searches the caller's org and {@code GET
 * /api/llm/requests/{id}} reads one (404 for an unknown id or another org's). Bad input is 400
 * naming every bad field.
 */
@Controller("/api/llm/requests")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(beans = LlmRequests.class)
public class LlmRequestController {

  /** Most rows one page may hold. */
  static final int MAX_LIMIT = 200;

  private final SessionOrKeyAuth auth;
  private final SessionAuth sessions;
  private final Access access;
  private final LlmRequests requests;
  private final ai.agentlens.core.remediation.AgentSettingsEditor settings;

  LlmRequestController(
      SessionOrKeyAuth auth,
      SessionAuth sessions,
      Access access,
      LlmRequests requests,
      ai.agentlens.core.remediation.AgentSettingsEditor settings) {
    this.settings = settings;
    this.auth = auth;
    this.sessions = sessions;
    this.access = access;
    this.requests = requests;
  }

  @Post(produces = MediaType.APPLICATION_JSON, consumes = MediaType.ALL)
  MutableHttpResponse<String> record(HttpRequest<?> request, @Nullable @Body String body) {
    SessionOrKeyAuth.Caller c = auth.require(request);
    if (!c.viaKey()) {
      access.require(sessions.require(request).caller(), c.orgId(), Permission.WRITE_DATA);
    }
    var row = requests.record(c.orgId(), LlmRequestBody.parse(body));
    var effective = settings.effective(c.orgId(), row.agentId());
    return HttpResponse.<String>status(HttpStatus.CREATED)
        .body(LlmRequestJson.created(row, effective))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<String> search(HttpRequest<?> request) {
    String orgId = auth.require(request).orgId();
    LlmRequestQuery q = query(orgId, params(request));
    return HttpResponse.ok(LlmRequestJson.page(requests.search(q), q.offset()))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> one(HttpRequest<?> request, @PathVariable String id) {
    String orgId = auth.require(request).orgId();
    return requests
        .find(orgId, id)
        .<MutableHttpResponse<?>>map(
            r ->
                HttpResponse.ok(LlmRequestJson.one(r)).contentType(MediaType.APPLICATION_JSON_TYPE))
        .orElseGet(
            () ->
                HttpResponse.<ErrorBody>notFound()
                    .body(ErrorBody.of("LLM request not found", 404)));
  }

  /**
   * Reads the search parameters (shared with the dashboard page).
   *
   * @param orgId the org
   * @param p the parameters
   * @return the query
   * @throws ai.agentlens.web.error.BadRequestException naming every bad parameter
   */
  public static LlmRequestQuery query(String orgId, MemoryParams p) {
    String q = p.text("q");
    if (q != null && q.length() > 1000) {
      p.problem("q", "must be at most 1000 characters");
      q = null;
    }
    Integer minRisk = p.text("minRisk") == null ? null : p.integer("minRisk", 0, 0, 100);
    Integer maxRisk = p.text("maxRisk") == null ? null : p.integer("maxRisk", 100, 0, 100);
    if (minRisk != null && maxRisk != null && minRisk > maxRisk) {
      p.problem("minRisk", "must not be above maxRisk");
    }
    LlmRequestStatus status = null;
    if (p.text("status") != null) {
      status = LlmRequestStatus.parse(p.text("status")).orElse(null);
      if (status == null) {
        p.problem("status", "must be one of pending, success, error");
      }
    }
    var phrases = SearchText.parse(q);
    LlmRequestSort sort = phrases.isEmpty() ? LlmRequestSort.TIME : LlmRequestSort.RELEVANCE;
    if (p.text("sort") != null) {
      sort = LlmRequestSort.parse(p.text("sort")).orElse(null);
      if (sort == null) {
        p.problem("sort", "must be one of time, latency, risk, model, relevance");
        sort = LlmRequestSort.TIME;
      }
    }
    boolean desc = true;
    if (p.text("order") != null) {
      String o = p.text("order");
      if (!o.equals("asc") && !o.equals("desc")) {
        p.problem("order", "must be asc or desc");
      }
      desc = !o.equals("asc");
    }
    var from = p.instant("from");
    var to = p.instant("to");
    p.range(from, to);
    int limit = p.integer("limit", 50, 1, MAX_LIMIT);
    int offset = p.integer("cursor", 0, 0, 1_000_000);
    p.check();
    return new LlmRequestQuery(
        orgId,
        phrases,
        p.text("agentId"),
        p.text("model"),
        p.text("provider"),
        minRisk,
        maxRisk,
        status,
        from,
        to,
        sort,
        desc,
        limit,
        offset);
  }

  /**
   * Copies a request's query parameters.
   *
   * @param request the request
   * @return the parameters
   */
  public static MemoryParams params(HttpRequest<?> request) {
    Map<String, String> values = new HashMap<>();
    for (String name : request.getParameters().names()) {
      values.put(name, request.getParameters().get(name));
    }
    return new MemoryParams(values);
  }
}
