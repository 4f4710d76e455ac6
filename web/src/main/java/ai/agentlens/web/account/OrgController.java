package ai.agentlens.web.account;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.org.OrgAdmin;
import ai.agentlens.web.auth.SessionAuth;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Organizations (FR-03, FR-04, FR-07, FR-08, FR-09, FR-11). */
@Controller("/api/orgs")
@ExecuteOn(TaskExecutors.BLOCKING)
public class OrgController {

  private final SessionAuth auth;
  private final OrgAdmin orgs;

  OrgController(SessionAuth auth, OrgAdmin orgs) {
    this.auth = auth;
    this.orgs = orgs;
  }

  @Post
  HttpResponse<Views.OrgView> create(HttpRequest<?> request, @Body Requests.NewOrg body) {
    SessionAuth.Authenticated a = auth.require(request);
    Org org = orgs.create(a.caller(), body.name(), body.slug());
    return HttpResponse.created(Views.OrgView.of(org, "owner"));
  }

  @Get
  Views.OrgList list(HttpRequest<?> request) {
    SessionAuth.Authenticated a = auth.require(request);
    return new Views.OrgList(orgs.listMine(a.caller()).stream().map(Views.OrgView::of).toList());
  }

  @Get("/{orgId}")
  Views.OrgView get(HttpRequest<?> request, @PathVariable String orgId) {
    return Views.OrgView.of(orgs.get(auth.require(request).caller(), orgId));
  }

  @Get("/{orgId}/settings")
  Views.SettingsView settings(HttpRequest<?> request, @PathVariable String orgId) {
    return Views.OrgView.of(orgs.get(auth.require(request).caller(), orgId)).settings();
  }

  @Put("/{orgId}/settings")
  Views.OrgView updateSettings(
      HttpRequest<?> request, @PathVariable String orgId, @Body Requests.Settings body) {
    SessionAuth.Authenticated a = auth.require(request);
    OrgAdmin.MyOrg current = orgs.get(a.caller(), orgId);
    OrgSettings old = current.org().settings();
    if (body.redactionRules() != null && body.redactionRules().contains(null)) {
      throw new AccountException(
          AccountException.Kind.INVALID, "redactionRules: every entry must be a string");
    }
    OrgSettings next =
        new OrgSettings(
            body.retentionDays() == null ? old.retentionDays() : body.retentionDays(),
            body.redactionRules() == null ? old.redactionRules() : body.redactionRules(),
            body.promptMasking() == null ? old.promptMasking() : body.promptMasking());
    return Views.OrgView.of(
        orgs.updateSettings(a.caller(), orgId, next), current.role().wireName());
  }

  @Post("/{orgId}/transfer")
  HttpResponse<Void> transfer(
      HttpRequest<?> request, @PathVariable String orgId, @Body Requests.UserRef body) {
    SessionAuth.Authenticated a = auth.require(request);
    if (body.userId() == null || body.userId().isBlank()) {
      throw new AccountException(AccountException.Kind.INVALID, "userId: missing");
    }
    orgs.transferOwnership(a.caller(), orgId, body.userId());
    return HttpResponse.noContent();
  }

  @Delete("/{orgId}")
  HttpResponse<Void> delete(HttpRequest<?> request, @PathVariable String orgId) {
    orgs.delete(auth.require(request).caller(), orgId);
    return HttpResponse.noContent();
  }
}
