package ai.agentlens.web.dashboard.view;

import java.util.List;

/**
 * What every signed-in page shows around its content: who is signed in, the org switcher (FR-50),
 * the navigation the role may use, the usage banner (FR-58) and the payment-failed banner.
 *
 * @param title the page title
 * @param active the navigation entry to mark current
 * @param userName the signed-in user's name
 * @param userEmail the signed-in user's address
 * @param orgs the user's orgs for the switcher
 * @param currentOrgId the current org
 * @param currentOrgName its name
 * @param role the user's role there
 * @param csrf the session's CSRF token for the forms
 * @param returnTo the section to reopen after an org switch
 * @param canManageKeys whether the role manages API keys
 * @param canManageMembers whether the role manages members
 * @param canManageSettings whether the role changes settings
 * @param canReadAudit whether the role reads the audit log
 * @param showBilling whether the nav shows the billing page (cloud billing on, Owner)
 * @param banner the usage warning, or {@code null}
 * @param paymentBanner the payment-failed warning, or {@code null}
 * @param flash the message left by the previous form, or {@code null}
 */
public record Layout(
    String title,
    String active,
    String userName,
    String userEmail,
    List<OrgOption> orgs,
    String currentOrgId,
    String currentOrgName,
    String role,
    String csrf,
    String returnTo,
    boolean canManageKeys,
    boolean canManageMembers,
    boolean canManageSettings,
    boolean canReadAudit,
    boolean showBilling,
    Banner banner,
    PaymentBanner paymentBanner,
    Flash flash) {

  /**
   * One org in the switcher.
   *
   * @param id the org id
   * @param name the name
   * @param role the user's role
   * @param current whether it is the current org
   */
  public record OrgOption(String id, String name, String role, boolean current) {}

  /**
   * The usage warning (FR-58, AC-13): shown at 80 % of the monthly quota and above.
   *
   * @param percent events used, percent of the quota
   * @param used events this month
   * @param quota the plan's monthly events
   * @param over whether the quota is exhausted
   * @param cutOff whether events are now refused (a plan without overage at 100 %): the banner
   *     explains the cut-off and links to {@code /billing}
   */
  public record Banner(long percent, long used, long quota, boolean over, boolean cutOff) {}

  /**
   * The payment-failed warning on every page of the org's members during the grace period after a
   * failed payment.
   *
   * @param graceUntil the UTC date the org drops to Free
   * @param canFix whether the viewer is an Owner (the banner links to {@code /billing})
   */
  public record PaymentBanner(String graceUntil, boolean canFix) {}

  /**
   * A one-time message after a form (kind {@code ok} or {@code error}).
   *
   * @param kind ok or error
   * @param message the text
   */
  public record Flash(String kind, String message) {}

  /**
   * Returns this layout with a message.
   *
   * @param f the message, or {@code null}
   * @return the layout
   */
  public Layout withFlash(Flash f) {
    return new Layout(
        title,
        active,
        userName,
        userEmail,
        orgs,
        currentOrgId,
        currentOrgName,
        role,
        csrf,
        returnTo,
        canManageKeys,
        canManageMembers,
        canManageSettings,
        canReadAudit,
        showBilling,
        banner,
        paymentBanner,
        f);
  }

  /**
   * Whether a navigation entry is the current page.
   *
   * @param entry the entry's key
   * @return {@code "page"} for the current one (for {@code aria-current}), else {@code null}
   */
  public String current(String entry) {
    return entry.equals(active) ? "page" : null;
  }
}
