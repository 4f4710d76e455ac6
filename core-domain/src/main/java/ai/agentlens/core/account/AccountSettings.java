package ai.agentlens.core.account;

import ai.agentlens.core.plan.Plan;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Settings of the account use cases.
 *
 * @param links gives the public URL of the dashboard for links in mails, asked each time a mail is
 *     written: a configured URL, or one derived from the request being served
 * @param newOrgPlan plan of newly created orgs ({@code free} on app-cloud, {@code self_hosted} on
 *     app-selfhosted)
 */
public record AccountSettings(Supplier<String> links, Plan newOrgPlan) {

  /** Rejects missing fields. */
  public AccountSettings {
    Objects.requireNonNull(links, "links");
    Objects.requireNonNull(newOrgPlan, "newOrgPlan");
  }

  /**
   * Settings with one fixed base URL.
   *
   * @param baseUrl public URL of the dashboard
   * @param newOrgPlan plan of newly created orgs
   */
  public AccountSettings(String baseUrl, Plan newOrgPlan) {
    this(fixed(baseUrl), newOrgPlan);
  }

  private static Supplier<String> fixed(String baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    return () -> baseUrl;
  }

  /**
   * Returns the base URL for links in a mail being written now.
   *
   * @return the URL, without a trailing slash
   */
  public String baseUrl() {
    String base = links.get();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }
}
