package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.plan.Tier;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.core.quota.OverageCaps;
import ai.agentlens.core.quota.UsageReport;
import ai.agentlens.core.quota.UsageReports;
import ai.agentlens.web.dashboard.support.Flash;
import ai.agentlens.web.dashboard.support.OrgContext;
import ai.agentlens.web.dashboard.support.PageAuth;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.support.Redirects;
import ai.agentlens.web.dashboard.view.Fmt;
import ai.agentlens.web.dashboard.view.Layout;
import ai.agentlens.web.dashboard.view.UsagePage;
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
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * The usage page {@code /usage} (FR-62) for every member of the current org, from the same {@link
 * UsageReports} use case as {@code GET /api/usage}, and the Owner's overage cap form ({@code POST
 * /usage/overage-cap}, CSRF-checked, the same use case as {@code PUT /api/billing/overage-cap}).
 */
@Controller("/usage")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class UsagePages {

  private final PageAuth auth;
  private final OrgContext context;
  private final UsageReports reports;
  private final OverageCaps caps;

  UsagePages(PageAuth auth, OrgContext context, UsageReports reports, OverageCaps caps) {
    this.auth = auth;
    this.context = context;
    this.reports = reports;
    this.caps = caps;
  }

  @Get
  MutableHttpResponse<?> usage(HttpRequest<?> request) {
    OrgContext.Current c = context.require(request);
    UsageReport r = reports.current(c.orgId(), c.org().plan());
    Tier tier = Tiers.of(c.org().plan());
    Layout layout = context.layout(c, "Usage", "usage").withFlash(Flash.read(request));
    UsagePage page =
        new UsagePage(
            layout,
            r.plan(),
            r.period(),
            Fmt.count(r.used()),
            quota(r),
            Fmt.count(r.projected()),
            UsageChart.of(r.days()),
            r.days().stream()
                .map(d -> new UsagePage.DayRow(d.date().toString(), Fmt.count(d.events())))
                .toList(),
            cost(r.cost()),
            r.agents().stream()
                .map(
                    a ->
                        new UsagePage.AgentRow(
                            a.agentId(),
                            Fmt.count(a.events()),
                            String.format(Locale.ROOT, "%.1f %%", a.percent())))
                .toList(),
            cap(r, c.can(Permission.MANAGE_BILLING)),
            Tier.limited(tier.eventsPerMinute()) ? Fmt.count(tier.eventsPerMinute()) : "unlimited",
            Tier.limited(tier.retentionDays()) ? tier.retentionDays() + " days" : "unlimited",
            Tier.limited(tier.members()) ? Integer.toString(tier.members()) : "unlimited",
            Tier.limited(tier.apiKeys()) ? Integer.toString(tier.apiKeys()) : "unlimited");
    return Pages.shown(request, "usage", page);
  }

  @Post("/overage-cap")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> setCap(HttpRequest<?> request, @Body Map<String, String> form) {
    OrgContext.Current c = context.of(auth.requireForm(request, form));
    try {
      String kind = form.getOrDefault("kind", "multiplier");
      String raw = form.getOrDefault(kind.equals("events") ? "events" : "multiplier", "").trim();
      Integer multiplier = null;
      Long events = null;
      try {
        if (kind.equals("events")) {
          events = Long.parseLong(raw.replace(",", ""));
        } else {
          multiplier = Integer.parseInt(raw);
        }
      } catch (NumberFormatException e) {
        throw AccountException.invalid(
            (kind.equals("events") ? "events" : "multiplier") + ": a whole number");
      }
      caps.set(c.signed().caller(), c.orgId(), multiplier, events);
      return Flash.ok(Redirects.to("/usage"), "Overage cap saved.");
    } catch (AccountException e) {
      return Flash.error(Redirects.to("/usage"), e.getMessage());
    }
  }

  @Error(exception = AccountException.class)
  MutableHttpResponse<?> refused(AccountException e) {
    return Pages.error(e);
  }

  private static UsagePage.Quota quota(UsageReport r) {
    if (r.quota() == null) {
      return null;
    }
    long q = r.quota();
    long pct = q == 0 ? 100 : r.used() * 100 / q;
    return new UsagePage.Quota(
        Fmt.count(q), Fmt.count(r.remaining()), pct, Math.min(100, pct), Fmt.count(r.capEvents()));
  }

  private static UsagePage.Cost cost(UsageReport.Cost c) {
    if (c == null) {
      return null;
    }
    return new UsagePage.Cost(
        usd(c.baseUsd()),
        usd(c.overagePer1kUsd()),
        Fmt.count(c.overageEvents()),
        usd(c.overageUsd()),
        Fmt.count(c.projectedOverageEvents()),
        usd(c.projectedOverageUsd()),
        usd(c.projectedTotalUsd()));
  }

  private static String usd(BigDecimal v) {
    return "$" + v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
  }

  private static UsagePage.Cap cap(UsageReport r, boolean owner) {
    if (r.cap() == null) {
      return null;
    }
    String summary =
        r.cap().multiplier() != null
            ? r.cap().multiplier() + " × the quota (" + Fmt.count(r.capEvents()) + " events)"
            : Fmt.count(r.capEvents()) + " events";
    return new UsagePage.Cap(
        summary,
        owner,
        r.cap().multiplier() == null ? "" : r.cap().multiplier().toString(),
        r.cap().events() == null ? "" : r.cap().events().toString());
  }
}
