package ai.agentlens.web.dashboard.view;

/**
 * The invitation landing page.
 *
 * @param csrf the form token (session CSRF when signed in, else the public form token)
 * @param orgId the org in the link
 * @param token the token in the link
 * @param email the invited address
 * @param role the offered role
 * @param signedInAs the signed-in user's address, or {@code null}
 * @param error what went wrong, or {@code null}
 */
public record InvitationPage(
    String csrf,
    String orgId,
    String token,
    String email,
    String role,
    String signedInAs,
    String error) {}
