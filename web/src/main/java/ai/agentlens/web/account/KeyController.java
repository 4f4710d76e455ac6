package ai.agentlens.web.account;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.KeyEnvironment;
import ai.agentlens.core.apikey.ApiKeyAdmin;
import ai.agentlens.web.auth.SessionAuth;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * API key management (FR-13..FR-22): Owner and Admin only. The full key appears in the create
 * response's {@code key} field and nowhere else, ever.
 */
@Controller("/api/orgs/{orgId}/keys")
@ExecuteOn(TaskExecutors.BLOCKING)
public class KeyController {

  private final SessionAuth auth;
  private final ApiKeyAdmin keys;

  KeyController(SessionAuth auth, ApiKeyAdmin keys) {
    this.auth = auth;
    this.keys = keys;
  }

  @Post
  HttpResponse<Views.KeyView> create(
      HttpRequest<?> request, @PathVariable String orgId, @Body Requests.NewKey body) {
    SessionAuth.Authenticated a = auth.require(request);
    ApiKeyAdmin.Created c =
        keys.create(
            a.caller(),
            orgId,
            body.name(),
            environment(body.environment()),
            body.rateLimitOverride());
    return HttpResponse.created(Views.KeyView.of(c.key(), c.secret()));
  }

  @Get
  Views.KeyList list(HttpRequest<?> request, @PathVariable String orgId) {
    SessionAuth.Authenticated a = auth.require(request);
    return new Views.KeyList(
        keys.list(a.caller(), orgId).stream().map(k -> Views.KeyView.of(k, null)).toList());
  }

  @Delete("/{keyId}")
  Views.KeyView revoke(
      HttpRequest<?> request, @PathVariable String orgId, @PathVariable String keyId) {
    return Views.KeyView.of(keys.revoke(auth.require(request).caller(), orgId, keyId), null);
  }

  private static KeyEnvironment environment(String raw) {
    if (raw == null || raw.isBlank() || raw.equalsIgnoreCase("live")) {
      return KeyEnvironment.LIVE;
    }
    if (raw.equalsIgnoreCase("test")) {
      return KeyEnvironment.TEST;
    }
    throw new AccountException(AccountException.Kind.INVALID, "environment: live or test");
  }
}
