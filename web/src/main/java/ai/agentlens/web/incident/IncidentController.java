package ai.agentlens.web.incident;

import ai.agentlens.core.incident.DatadogWebhook;
import ai.agentlens.core.incident.Incidents;
import ai.agentlens.core.incident.RootCauseAnalyzer;
import ai.agentlens.core.incident.model.Incident;
import ai.agentlens.core.incident.model.IncidentQuery;
import ai.agentlens.core.incident.model.IncidentRule;
import ai.agentlens.core.incident.model.IncidentSeverity;
import ai.agentlens.core.port.incident.IncidentRuleStore;
import ai.agentlens.core.port.incident.IncidentStore;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Incidents (issue 17): {@code GET /api/incidents?status&severity&agentId&from&to&limit&cursor},
 * {@code GET /api/incidents/{id}} (details, related ids, timeline, latest root-cause analysis),
 * {@code POST /api/incidents/{id}/resolve}, and rules: {@code GET/POST /api/incidents/rules},
 * {@code GET/PUT/DELETE /api/incidents/rules/{id}}. Scoped to the caller's org; another org's
 * incident or rule is a 404. Members read; changes need Owner or Admin (or an org API key). {@code
 * POST /api/incidents/datadog-secret} creates (or replaces) the org's Datadog webhook secret and
 * shows it once.
 */
@Controller("/api/incidents")
@ExecuteOn(TaskExecutors.BLOCKING)
public class IncidentController {

  static final String NOT_FOUND = "Incident not found";
  static final String RULE_NOT_FOUND = "Incident rule not found";

  private final IncidentAccess access;
  private final Incidents incidents;
  private final IncidentStore store;
  private final IncidentRuleStore rules;
  private final DatadogWebhook datadog;
  private final RootCauseAnalyzer rca;

  IncidentController(
      IncidentAccess access,
      Incidents incidents,
      IncidentStore store,
      IncidentRuleStore rules,
      DatadogWebhook datadog,
      RootCauseAnalyzer rca) {
    this.rca = rca;
    this.access = access;
    this.incidents = incidents;
    this.store = store;
    this.rules = rules;
    this.datadog = datadog;
  }

  @Post(uri = "/datadog-secret", produces = MediaType.APPLICATION_JSON, consumes = MediaType.ALL)
  MutableHttpResponse<?> datadogSecret(HttpRequest<?> request) {
    IncidentAccess.Writer w = access.writer(request);
    String secret = datadog.newSecret(w.orgId());
    incidents.secretCreated(w.orgId(), w.actor());
    return HttpResponse.created(
            java.util.Map.of(
                "secret",
                secret,
                "orgId",
                w.orgId(),
                "url",
                "/webhooks/datadog",
                "headers",
                java.util.List.of(
                    "X-AgentLens-Org", "X-AgentLens-Timestamp", "X-AgentLens-Signature")))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> list(HttpRequest<?> request) {
    String org = access.reader(request);
    List<Problem> p = new ArrayList<>();
    Boolean open = null;
    String status = param(request, "status");
    if (status != null) {
      if (status.equals("open") || status.equals("resolved")) {
        open = status.equals("open");
      } else {
        p.add(new Problem("status", "must be open or resolved"));
      }
    }
    IncidentSeverity severity = null;
    String s = param(request, "severity");
    if (s != null) {
      severity = IncidentSeverity.fromWireName(s).orElse(null);
      if (severity == null) {
        p.add(new Problem("severity", "must be one of low, medium, high, critical"));
      }
    }
    Instant from = time(request, "from", p);
    Instant to = time(request, "to", p);
    int limit = 50;
    String l = param(request, "limit");
    if (l != null) {
      try {
        limit = Integer.parseInt(l);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > IncidentQuery.MAX_LIMIT) {
        p.add(new Problem("limit", "must be a whole number from 1 to 200"));
        limit = 50;
      }
    }
    if (!p.isEmpty()) {
      throw new BadRequestException("Invalid query", p);
    }
    List<Incident> page =
        store.list(
            new IncidentQuery(
                org,
                open,
                severity,
                param(request, "agentId"),
                from,
                to,
                limit,
                param(request, "cursor")));
    String next = page.size() == limit ? page.get(page.size() - 1).id() : null;
    return json(IncidentJson.list(page, next));
  }

  @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> one(HttpRequest<?> request, @PathVariable String id) {
    String org = access.reader(request);
    return store
        .find(org, id)
        .<MutableHttpResponse<?>>map(
            i -> json(IncidentJson.one(i, store.timeline(org, id), rca.find(org, id))))
        .orElseGet(() -> notFound(NOT_FOUND));
  }

  @Post(uri = "/{id}/resolve", produces = MediaType.APPLICATION_JSON, consumes = MediaType.ALL)
  MutableHttpResponse<?> resolve(HttpRequest<?> request, @PathVariable String id) {
    IncidentAccess.Writer w = access.writer(request);
    return incidents
        .resolve(w.orgId(), w.actor(), id)
        .<MutableHttpResponse<?>>map(
            i -> json(IncidentJson.one(i, store.timeline(w.orgId(), id), rca.find(w.orgId(), id))))
        .orElseGet(() -> notFound(NOT_FOUND));
  }

  @Get(uri = "/rules", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> rules(HttpRequest<?> request) {
    return json(IncidentJson.rules(rules.list(access.reader(request), false)));
  }

  @Post(uri = "/rules", produces = MediaType.APPLICATION_JSON, consumes = MediaType.ALL)
  MutableHttpResponse<?> create(HttpRequest<?> request, @Nullable @Body String body) {
    IncidentAccess.Writer w = access.writer(request);
    IncidentRule r =
        incidents.createRule(w.orgId(), w.actor(), IncidentJson.read(body, IncidentJson.DEFAULTS));
    return HttpResponse.created(IncidentJson.rule(r)).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  @Get(uri = "/rules/{id}", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> rule(HttpRequest<?> request, @PathVariable String id) {
    return rules
        .find(access.reader(request), id)
        .<MutableHttpResponse<?>>map(r -> json(IncidentJson.rule(r)))
        .orElseGet(() -> notFound(RULE_NOT_FOUND));
  }

  @Put(uri = "/rules/{id}", produces = MediaType.APPLICATION_JSON, consumes = MediaType.ALL)
  MutableHttpResponse<?> update(
      HttpRequest<?> request, @PathVariable String id, @Nullable @Body String body) {
    IncidentAccess.Writer w = access.writer(request);
    Optional<IncidentRule> old = rules.find(w.orgId(), id);
    if (old.isEmpty()) {
      return notFound(RULE_NOT_FOUND);
    }
    Incidents.RuleSpec spec = IncidentJson.read(body, IncidentJson.spec(old.get()));
    return incidents
        .updateRule(w.orgId(), w.actor(), id, spec)
        .<MutableHttpResponse<?>>map(r -> json(IncidentJson.rule(r)))
        .orElseGet(() -> notFound(RULE_NOT_FOUND));
  }

  @Delete(uri = "/rules/{id}", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> delete(HttpRequest<?> request, @PathVariable String id) {
    IncidentAccess.Writer w = access.writer(request);
    return incidents.deleteRule(w.orgId(), w.actor(), id)
        ? json("{\"ok\":true}")
        : notFound(RULE_NOT_FOUND);
  }

  private static String param(HttpRequest<?> request, String name) {
    String v = request.getParameters().get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static Instant time(HttpRequest<?> request, String name, List<Problem> p) {
    String v = param(request, name);
    if (v == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      p.add(new Problem(name, "must be an RFC 3339 time"));
      return null;
    }
  }

  private static MutableHttpResponse<String> json(String body) {
    return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private static MutableHttpResponse<?> notFound(String message) {
    return HttpResponse.<ErrorBody>notFound().body(ErrorBody.of(message, 404));
  }
}
