package ai.agentlens.core.account;

import ai.agentlens.core.plan.Plan;
import java.util.Objects;

/**
 * Settings of the account use cases.
 *
 * @param baseUrl public URL of the dashboard, for links in mails (no trailing slash)
 * @param newOrgPlan plan of newly created orgs ({@code free} on app-cloud, {@code self_hosted} on
 *     app-selfhosted)
 */
public record AccountSettings(String baseUrl, Plan newOrgPlan) {

  /** Rejects missing fields and strips a trailing slash. */
  public AccountSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(newOrgPlan, "newOrgPlan");
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }
}
