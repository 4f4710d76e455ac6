package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.AuditReader;
import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.ApiKey;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.KeyEnvironment;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.apikey.ApiKeyAdmin;
import ai.agentlens.core.org.Invitations;
import ai.agentlens.core.org.MemberAdmin;
import ai.agentlens.core.org.OrgAdmin;
import ai.agentlens.core.plan.Tier;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.web.dashboard.support.Flash;
import ai.agentlens.web.dashboard.support.OrgContext;
import ai.agentlens.web.dashboard.support.PageAuth;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.support.Redirects;
import ai.agentlens.web.dashboard.view.Fmt;
import ai.agentlens.web.dashboard.view.Layout;
import ai.agentlens.web.dashboard.view.OrgPage;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The org pages: API keys (FR-15, FR-20), members and invitations (FR-05, FR-48), settings, the
 * audit log (FR-51) and usage (FR-62). Every action goes through the account use cases, which check
 * the role; the pages only hide what the role cannot do.
 */
@Controller("/org")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class AdminPages {

  private final PageAuth auth;
  private final OrgContext context;
  private final ApiKeyAdmin keys;
  private final MemberAdmin members;
  private final Invitations invitations;
  private final OrgAdmin orgs;
  private final AuditReader audit;

  AdminPages(
      PageAuth auth,
      OrgContext context,
      ApiKeyAdmin keys,
      MemberAdmin members,
      Invitations invitations,
      OrgAdmin orgs,
      AuditReader audit) {
    this.auth = auth;
    this.context = context;
    this.keys = keys;
    this.members = members;
    this.invitations = invitations;
    this.orgs = orgs;
    this.audit = audit;
  }

  // ---- API keys

  @Get("/keys")
  MutableHttpResponse<?> keys(HttpRequest<?> request) {
    OrgContext.Current c = context.require(request);
    return keysPage(request, c, Map.of());
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
      // why: the secret is shown once, in this response only; it is never stored or redirected
      return keysPage(request, c, Map.of("secret", k.secret(), "secretName", k.key().name()));
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

  private MutableHttpResponse<?> keysPage(
      HttpRequest<?> request, OrgContext.Current c, Map<String, String> values) {
    boolean allowed = c.can(Permission.MANAGE_KEYS);
    List<List<String>> rows = new ArrayList<>();
    if (allowed) {
      for (ApiKey k : keys.list(c.signed().caller(), c.orgId())) {
        rows.add(
            List.of(
                k.id(),
                k.name(),
                k.prefix() + "…",
                k.environment().name().toLowerCase(Locale.ROOT),
                Fmt.time(k.createdAt()),
                Fmt.time(k.lastUsedAt()),
                k.revokedAt() == null ? "active" : "revoked"));
      }
    }
    Layout layout = context.layout(c, "API keys", "keys").withFlash(Flash.read(request));
    return Pages.shown(request, "keys", new OrgPage(layout, rows, List.of(), values, allowed));
  }

  // ---- members and invitations

  @Get("/members")
  MutableHttpResponse<?> members(HttpRequest<?> request) {
    OrgContext.Current c = context.require(request);
    boolean allowed = c.can(Permission.MANAGE_MEMBERS);
    List<List<String>> rows = new ArrayList<>();
    for (MemberAdmin.Member m : members.list(c.signed().caller(), c.orgId())) {
      rows.add(
          List.of(
              m.user().id(),
              m.user().displayName(),
              m.user().email(),
              m.membership().role().wireName(),
              Fmt.time(m.membership().createdAt()),
              Boolean.toString(m.user().id().equals(c.signed().user().id()))));
    }
    List<List<String>> pending = new ArrayList<>();
    if (allowed) {
      invitations
          .listPending(c.signed().caller(), c.orgId())
          .forEach(
              i ->
                  pending.add(
                      List.of(i.id(), i.email(), i.role().wireName(), Fmt.time(i.expiresAt()))));
    }
    Layout layout = context.layout(c, "Members", "members").withFlash(Flash.read(request));
    return Pages.shown(request, "members", new OrgPage(layout, rows, pending, Map.of(), allowed));
  }

  @Post("/members/invite")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> invite(HttpRequest<?> request, @Body Map<String, String> form) {
    OrgContext.Current c = context.of(auth.requireForm(request, form));
    try {
      Role role = Role.fromWireName(form.getOrDefault("role", "")).orElse(null);
      var sent = invitations.invite(c.signed().caller(), c.orgId(), form.get("email"), role);
      return Flash.ok(
          Redirects.to("/org/members"), "Invitation sent to " + sent.invitation().email() + ".");
    } catch (AccountException e) {
      return Flash.error(Redirects.to("/org/members"), e.getMessage());
    }
  }

  @Post("/members/{userId}/role")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> changeRole(
      HttpRequest<?> request, @PathVariable String userId, @Body Map<String, String> form) {
    OrgContext.Current c = context.of(auth.requireForm(request, form));
    try {
      Role role =
          Role.fromWireName(form.getOrDefault("role", ""))
              .orElseThrow(
                  () ->
                      new AccountException(
                          AccountException.Kind.INVALID, "Choose admin, member or viewer."));
      members.changeRole(c.signed().caller(), c.orgId(), userId, role);
      return Flash.ok(Redirects.to("/org/members"), "Role changed to " + role.wireName() + ".");
    } catch (AccountException e) {
      return Flash.error(Redirects.to("/org/members"), e.getMessage());
    }
  }

  @Post("/members/{userId}/remove")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> remove(
      HttpRequest<?> request, @PathVariable String userId, @Body Map<String, String> form) {
    OrgContext.Current c = context.of(auth.requireForm(request, form));
    try {
      members.remove(c.signed().caller(), c.orgId(), userId);
      return Flash.ok(Redirects.to("/org/members"), "Member removed.");
    } catch (AccountException e) {
      return Flash.error(Redirects.to("/org/members"), e.getMessage());
    }
  }

  @Post("/invitations/{id}/revoke")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> revokeInvitation(
      HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
    OrgContext.Current c = context.of(auth.requireForm(request, form));
    try {
      invitations.revoke(c.signed().caller(), c.orgId(), id);
      return Flash.ok(Redirects.to("/org/members"), "Invitation revoked.");
    } catch (AccountException e) {
      return Flash.error(Redirects.to("/org/members"), e.getMessage());
    }
  }

  // ---- settings

  @Get("/settings")
  MutableHttpResponse<?> settings(HttpRequest<?> request) {
    OrgContext.Current c = context.require(request);
    OrgSettings s = c.org().settings();
    Map<String, String> v = new HashMap<>();
    v.put("retentionDays", Integer.toString(s.retentionDays()));
    v.put("maxRetention", Integer.toString(Tiers.of(c.org().plan()).retentionDays()));
    v.put("redactionRules", String.join("\n", s.redactionRules()));
    v.put("promptMasking", Boolean.toString(s.promptMasking()));
    v.put("orgName", c.org().name());
    v.put("orgSlug", c.org().slug());
    v.put("plan", c.org().plan().wireName());
    Layout layout = context.layout(c, "Settings", "settings").withFlash(Flash.read(request));
    return Pages.shown(
        request,
        "settings",
        new OrgPage(layout, List.of(), List.of(), v, c.can(Permission.MANAGE_SETTINGS)));
  }

  @Post("/settings")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> saveSettings(HttpRequest<?> request, @Body Map<String, String> form) {
    OrgContext.Current c = context.of(auth.requireForm(request, form));
    try {
      int retention;
      try {
        retention = Integer.parseInt(form.getOrDefault("retentionDays", "").trim());
      } catch (NumberFormatException e) {
        throw new AccountException(
            AccountException.Kind.INVALID, "Retention must be a whole number of days.");
      }
      List<String> rules =
          Arrays.stream(form.getOrDefault("redactionRules", "").split("\\R"))
              .map(String::trim)
              .filter(r -> !r.isEmpty())
              .toList();
      boolean masking = "on".equals(form.get("promptMasking"));
      orgs.updateSettings(
          c.signed().caller(), c.orgId(), new OrgSettings(retention, rules, masking));
      return Flash.ok(Redirects.to("/org/settings"), "Settings saved.");
    } catch (AccountException e) {
      return Flash.error(Redirects.to("/org/settings"), e.getMessage());
    }
  }

  // ---- audit log

  @Get("/audit")
  MutableHttpResponse<?> audit(
      HttpRequest<?> request,
      @Nullable @QueryValue String action,
      @Nullable @QueryValue String result,
      @Nullable @QueryValue String actor) {
    OrgContext.Current c = context.require(request);
    boolean allowed = c.can(Permission.READ_AUDIT);
    List<List<String>> rows = new ArrayList<>();
    if (allowed) {
      for (AuditEntry e : audit.list(c.signed().caller(), c.orgId(), null, 1000)) {
        if (!matches(e.action(), action)
            || !matches(e.result().name(), result)
            || !matches(e.actorId(), actor)) {
          continue;
        }
        rows.add(
            List.of(
                Fmt.time(e.occurredAt()),
                e.actorType().name().toLowerCase(Locale.ROOT) + " " + or(e.actorId()),
                e.action(),
                or(e.targetType()) + " " + or(e.targetId()),
                or(e.ip()),
                e.result().name().toLowerCase(Locale.ROOT)));
        if (rows.size() == 200) {
          break;
        }
      }
    }
    Map<String, String> v = new HashMap<>();
    v.put("action", or(action));
    v.put("result", or(result));
    v.put("actor", or(actor));
    Layout layout = context.layout(c, "Audit log", "audit").withFlash(Flash.read(request));
    return Pages.shown(request, "audit", new OrgPage(layout, rows, List.of(), v, allowed));
  }

  // ---- usage

  @Get("/usage")
  MutableHttpResponse<?> usage(HttpRequest<?> request) {
    OrgContext.Current c = context.require(request);
    Tier tier = Tiers.of(c.org().plan());
    long used = context.used(c.orgId());
    Map<String, String> v = new HashMap<>();
    v.put("plan", c.org().plan().wireName());
    v.put("used", Fmt.count(used));
    v.put("month", YearMonth.now(ZoneOffset.UTC).toString());
    boolean limited = Tier.limited(tier.eventsPerMonth());
    v.put("limited", Boolean.toString(limited));
    if (limited) {
      long pct = tier.eventsPerMonth() == 0 ? 100 : used * 100 / tier.eventsPerMonth();
      v.put("quota", Fmt.count(tier.eventsPerMonth()));
      v.put("percent", Long.toString(pct));
      v.put("meter", Long.toString(Math.min(100, pct)));
    }
    v.put(
        "perMinute",
        Tier.limited(tier.eventsPerMinute()) ? Fmt.count(tier.eventsPerMinute()) : "unlimited");
    v.put(
        "retention",
        Tier.limited(tier.retentionDays()) ? tier.retentionDays() + " days" : "unlimited");
    v.put("members", Tier.limited(tier.members()) ? Integer.toString(tier.members()) : "unlimited");
    v.put("keys", Tier.limited(tier.apiKeys()) ? Integer.toString(tier.apiKeys()) : "unlimited");
    Layout layout = context.layout(c, "Usage", "usage").withFlash(Flash.read(request));
    return Pages.shown(request, "usage", new OrgPage(layout, List.of(), List.of(), v, true));
  }

  @Error(exception = AccountException.class)
  MutableHttpResponse<?> refused(AccountException e) {
    return Pages.error(e);
  }

  private static boolean matches(String value, String filter) {
    return filter == null
        || filter.isBlank()
        || (value != null
            && value.toLowerCase(Locale.ROOT).contains(filter.trim().toLowerCase(Locale.ROOT)));
  }

  private static String or(String s) {
    return s == null ? "" : s;
  }
}
