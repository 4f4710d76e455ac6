package ai.agentlens.web.dashboard.view;

/**
 * The create-an-org page.
 *
 * @param userName who is signed in
 * @param csrf the session's CSRF token
 * @param hasOrgs whether the user has an org already (then the page links back)
 * @param error what went wrong, or {@code null}
 * @param name the name typed
 */
public record NewOrgPage(
    String userName, String csrf, boolean hasOrgs, String error, String name) {}
