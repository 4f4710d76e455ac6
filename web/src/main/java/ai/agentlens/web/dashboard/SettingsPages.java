package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.org.OrgAdmin;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.web.dashboard.support.Flash;
import ai.agentlens.web.dashboard.support.OrgContext;
import ai.agentlens.web.dashboard.support.PageAuth;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.support.Redirects;
import ai.agentlens.web.dashboard.view.Layout;
import ai.agentlens.web.dashboard.view.SettingsPage;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The org's settings (retention, redaction rules, prompt masking); {@code /org/usage} now redirects
 * to the usage page {@code /usage}. The org use case checks the role on save; the form is disabled
 * for other roles.
 */
@Controller("/org")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class SettingsPages {

  private final PageAuth auth;
  private final OrgContext context;
  private final OrgAdmin orgs;

  SettingsPages(PageAuth auth, OrgContext context, OrgAdmin orgs) {
    this.auth = auth;
    this.context = context;
    this.orgs = orgs;
  }

  @Get("/settings")
  MutableHttpResponse<?> settings(HttpRequest<?> request) {
    OrgContext.Current c = context.require(request);
    OrgSettings s = c.org().settings();
    Layout layout = context.layout(c, "Settings", "settings").withFlash(Flash.read(request));
    SettingsPage page =
        new SettingsPage(
            layout,
            c.can(Permission.MANAGE_SETTINGS),
            c.org().name(),
            c.org().slug(),
            c.org().plan().wireName(),
            s.retentionDays(),
            Tiers.of(c.org().plan()).retentionDays(),
            String.join("\n", s.redactionRules()),
            s.promptMasking());
    return Pages.shown(request, "settings", page);
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

  @Get("/usage")
  MutableHttpResponse<?> usage(HttpRequest<?> request) {
    // why: the usage page moved to /usage (issue 14); old links and bookmarks keep working
    return Redirects.to("/usage");
  }

  @Error(exception = AccountException.class)
  MutableHttpResponse<?> refused(AccountException e) {
    return Pages.error(e);
  }
}
