package ai.agentlens.web.dashboard.support;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.account.policy.Permissions;
import ai.agentlens.core.billing.BillingCache;
import ai.agentlens.core.ingest.QuotaGate;
import ai.agentlens.core.org.OrgAdmin;
import ai.agentlens.core.plan.QuotaSettings;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.core.signin.LoginSessions;
import ai.agentlens.web.dashboard.view.Layout;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The current org of a signed-in page (FR-07, FR-49): the session's current org when the user is
 * still a member, otherwise their first org (and the session is moved there). Also builds the
 * {@link Layout} every org page shows.
 */
@Singleton
public class OrgContext {

  /**
   * A signed-in user inside their current org.
   *
   * @param signed the visitor
   * @param orgs all their orgs
   * @param current the current one
   */
  public record Current(PageAuth.Signed signed, List<OrgAdmin.MyOrg> orgs, OrgAdmin.MyOrg current) {

    /**
     * Returns the current org.
     *
     * @return the org
     */
    public Org org() {
      return current.org();
    }

    /**
     * Returns the current org's id.
     *
     * @return the id
     */
    public String orgId() {
      return current.org().id();
    }

    /**
     * Tells whether the user's role allows something in the current org.
     *
     * @param p the permission
     * @return whether it is allowed
     */
    public boolean can(Permission p) {
      return Permissions.allows(current.role(), p);
    }
  }

  private final PageAuth auth;
  private final OrgAdmin orgs;
  private final LoginSessions sessions;
  private final QuotaGate quota;
  // why: the same property the billing page and API require, so the link never leads to a 404
  private final boolean billing;
  // why: absent where billing has no provider (self-hosted, cloud without Stripe): no banner
  private final BillingCache billingCache;

  OrgContext(
      PageAuth auth,
      OrgAdmin orgs,
      LoginSessions sessions,
      QuotaGate quota,
      @io.micronaut.context.annotation.Value("${agentlens.billing.enabled:false}") boolean billing,
      @Nullable BillingCache billingCache) {
    this.billing = billing;
    this.billingCache = billingCache;
    this.auth = auth;
    this.orgs = orgs;
    this.sessions = sessions;
    this.quota = quota;
  }

  /**
   * Requires a signed-in user with at least one org.
   *
   * @param request the request
   * @return the user in their current org
   * @throws SignInRequired without a session
   * @throws NoOrgYet when the user has no org
   */
  public Current require(HttpRequest<?> request) {
    return of(auth.require(request));
  }

  /**
   * Resolves the current org of a signed-in user.
   *
   * @param signed the visitor
   * @return the user in their current org
   * @throws NoOrgYet when the user has no org
   */
  public Current of(PageAuth.Signed signed) {
    List<OrgAdmin.MyOrg> mine = orgs.listMine(signed.caller());
    if (mine.isEmpty()) {
      throw new NoOrgYet();
    }
    String stored = signed.session().currentOrgId();
    OrgAdmin.MyOrg current =
        mine.stream().filter(m -> m.org().id().equals(stored)).findFirst().orElse(mine.get(0));
    if (!current.org().id().equals(stored)) {
      sessions.switchOrg(signed.session(), current.org().id());
    }
    return new Current(signed, mine, current);
  }

  /**
   * Builds the frame of an org page.
   *
   * @param c the user in their org
   * @param title the page title
   * @param active the navigation entry
   * @return the layout
   */
  public Layout layout(Current c, String title, String active) {
    List<Layout.OrgOption> options =
        c.orgs().stream()
            .map(
                m ->
                    new Layout.OrgOption(
                        m.org().id(),
                        m.org().name(),
                        m.role().wireName(),
                        m.org().id().equals(c.orgId())))
            .toList();
    return new Layout(
        title,
        active,
        c.signed().user().displayName(),
        c.signed().user().email(),
        options,
        c.orgId(),
        c.org().name(),
        c.current().role().wireName(),
        c.signed().csrf(),
        returnTo(active),
        c.can(Permission.MANAGE_KEYS),
        c.can(Permission.MANAGE_MEMBERS),
        c.can(Permission.MANAGE_SETTINGS),
        c.can(Permission.READ_AUDIT),
        billing && c.can(Permission.MANAGE_BILLING),
        banner(c.org()),
        // why: the billing page shows the same warning in its own alert
        "billing".equals(active) ? null : paymentBanner(c),
        null);
  }

  /**
   * Returns the payment-failed warning for the user's current org during a grace period, from the
   * {@link BillingCache} (no database read per page view, at most one per org per minute); with a
   * link to {@code /billing} for the Owner, who alone can fix it.
   *
   * @param c the user in their org
   * @return the banner, or {@code null}
   */
  public Layout.PaymentBanner paymentBanner(Current c) {
    if (!billing || billingCache == null) {
      return null;
    }
    return billingCache
        .paymentFailedUntil(c.orgId())
        .map(
            until ->
                new Layout.PaymentBanner(
                    until.toString().substring(0, 10), c.can(Permission.MANAGE_BILLING)))
        .orElse(null);
  }

  /**
   * Returns the usage warning for an org, or {@code null} below 80 % (FR-58), from the quota gate's
   * cache (no database read per page view); never for unlimited plans or with billing off.
   *
   * @param org the org
   * @return the banner, or {@code null}
   */
  public Layout.Banner banner(Org org) {
    QuotaSettings settings = quota.settings();
    if (!settings.checks(org.plan())) {
      return null;
    }
    long limit = settings.quota(org.plan());
    long used = quota.used(org.id());
    if (used < Math.ceil(limit * Tiers.WARNING_SHARE)) {
      return null;
    }
    boolean over = used >= limit;
    return new Layout.Banner(
        used * 100 / limit, used, limit, over, over && !Tiers.of(org.plan()).overage());
  }

  /**
   * Returns the events counted this month for an org (the usage page).
   *
   * @param orgId the org
   * @return the estimate
   */
  public long used(String orgId) {
    return quota.used(orgId);
  }

  private static String returnTo(String active) {
    return switch (active) {
      case "sessions", "analytics", "onboarding", "compliance" -> "/" + active;
      case "usage" -> "/usage";
      case "keys", "members", "settings", "audit" -> "/org/" + active;
      case "data" -> "/org/data";
      default -> "/";
    };
  }
}
