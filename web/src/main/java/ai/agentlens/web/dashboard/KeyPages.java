package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.ApiKey;
import ai.agentlens.core.account.model.KeyEnvironment;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.apikey.ApiKeyAdmin;
import ai.agentlens.web.dashboard.support.Flash;
import ai.agentlens.web.dashboard.support.NewKeyFlash;
import ai.agentlens.web.dashboard.support.OrgContext;
import ai.agentlens.web.dashboard.support.PageAuth;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.support.Redirects;
import ai.agentlens.web.dashboard.view.Fmt;
import ai.agentlens.web.dashboard.view.KeysPage;
import ai.agentlens.web.dashboard.view.Layout;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The API keys page (FR-15, FR-20): list, create (the secret is shown once) and revoke. The key use
 * cases check the role; the page only hides what the role cannot do.
 */
@Controller("/org")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class KeyPages {

  private final PageAuth auth;
  private final OrgContext context;
  private final ApiKeyAdmin keys;

  KeyPages(PageAuth auth, OrgContext context, ApiKeyAdmin keys) {
    this.auth = auth;
    this.context = context;
    this.keys = keys;
  }

  @Get("/keys")
  MutableHttpResponse<?> keys(HttpRequest<?> request) {
    OrgContext.Current c = context.require(request);
    var created = NewKeyFlash.read(request);
    MutableHttpResponse<?> page =
        keysPage(
            request, c, created.map(k -> new KeysPage.NewKey(k.name(), k.secret())).orElse(null));
    // why: the page holding a secret must not be cached, and the secret is shown exactly once
    return created.isPresent() ? NewKeyFlash.clear(page).header("Cache-Control", "no-store") : page;
  }

  @Post("/keys")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> createKey(HttpRequest<?> request, @Body Map<String, String> form) {
    OrgContext.Current c = context.of(auth.requireForm(request, form));
    KeyEnvironment env =
        "test".equals(form.get("environment")) ? KeyEnvironment.TEST : KeyEnvironment.LIVE;
    try {
      ApiKeyAdmin.Created k =
          keys.create(c.signed().caller(), c.orgId(), form.get("name"), env, null);
      // why: post/redirect/get, so a reload never re-posts; the page after the redirect shows it
      // once
      return NewKeyFlash.set(Redirects.to("/org/keys"), k.key().name(), k.secret());
    } catch (AccountException e) {
      return Flash.error(Redirects.to("/org/keys"), e.getMessage());
    }
  }

  @Post("/keys/{id}/revoke")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> revokeKey(
      HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
    OrgContext.Current c = context.of(auth.requireForm(request, form));
    try {
      ApiKey k = keys.revoke(c.signed().caller(), c.orgId(), id);
      return Flash.ok(Redirects.to("/org/keys"), "Revoked " + k.name() + " (" + k.prefix() + "…).");
    } catch (AccountException e) {
      return Flash.error(Redirects.to("/org/keys"), e.getMessage());
    }
  }

  @Error(exception = AccountException.class)
  MutableHttpResponse<?> refused(AccountException e) {
    return Pages.error(e);
  }

  private MutableHttpResponse<?> keysPage(
      HttpRequest<?> request, OrgContext.Current c, KeysPage.NewKey created) {
    boolean allowed = c.can(Permission.MANAGE_KEYS);
    List<KeysPage.Key> rows =
        allowed
            ? keys.list(c.signed().caller(), c.orgId()).stream().map(KeyPages::row).toList()
            : List.of();
    Layout layout = context.layout(c, "API keys", "keys").withFlash(Flash.read(request));
    return Pages.shown(request, "keys", new KeysPage(layout, allowed, rows, created));
  }

  private static KeysPage.Key row(ApiKey k) {
    return new KeysPage.Key(
        k.id(),
        k.name(),
        k.prefix() + "…",
        k.environment().name().toLowerCase(Locale.ROOT),
        Fmt.time(k.createdAt()),
        Fmt.time(k.lastUsedAt()),
        k.revokedAt() == null ? "active" : "revoked");
  }
}
