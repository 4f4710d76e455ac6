package ai.agentlens.web.quota;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.port.storage.OrgStore;
import ai.agentlens.core.quota.UsageReports;
import ai.agentlens.web.auth.SessionOrKeyAuth;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code GET /api/usage} (FR-62): the current period's events, quota, remaining, cap, daily series,
 * projection, cost breakdown and per-agent split, for an API key (its org) or any member's session
 * (their current org). Another org's usage is never visible: the org comes from the credentials,
 * not the request.
 */
@Controller("/api/usage")
@ExecuteOn(TaskExecutors.BLOCKING)
public class UsageController {

  private final SessionOrKeyAuth readers;
  private final OrgStore orgs;
  private final UsageReports reports;

  UsageController(SessionOrKeyAuth readers, OrgStore orgs, UsageReports reports) {
    this.readers = readers;
    this.orgs = orgs;
    this.reports = reports;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> usage(HttpRequest<?> request) {
    String orgId = readers.require(request).orgId();
    Org org = orgs.find(orgId).orElseThrow(() -> AccountException.notFound("Org not found"));
    return HttpResponse.ok(UsageJson.report(reports.current(orgId, org.plan())))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
