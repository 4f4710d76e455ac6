package ai.agentlens.core.org;

import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.Invitation;
import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.account.policy.PasswordPolicy;
import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.signin.LoginSessions;
import ai.agentlens.core.signin.Registration;
import ai.agentlens.core.signin.SignIn;

/**
 * A new user joins through an invitation link: the mailed token proves the address, so the account
 * is created verified, joins the org and is signed in.
 */
public final class InvitationSignUp {

  /**
   * The outcome of joining.
   *
   * @param session the started session
   * @param membership the new membership
   */
  public record Joined(LoginSessions.Started session, Membership membership) {}

  private final AccountPorts ports;
  private final Invitations invitations;
  private final SignIn signIn;

  /**
   * Creates the use case.
   *
   * @param ports the ports
   * @param invitations invitations
   * @param signIn sign-in, to open the session
   */
  public InvitationSignUp(AccountPorts ports, Invitations invitations, SignIn signIn) {
    this.ports = ports;
    this.invitations = invitations;
    this.signIn = signIn;
  }

  /**
   * Creates the invited user, accepts the invitation and starts a session.
   *
   * @param orgId the org in the link
   * @param token the token in the link
   * @param password the new user's password (FR-53)
   * @param displayName shown name, or {@code null}
   * @param ip the client's address
   * @return the started session and the membership
   * @throws AccountException CONFLICT when the address has an account (sign in, then accept)
   */
  public Joined join(String orgId, String token, String password, String displayName, String ip) {
    Invitation inv = invitations.pending(orgId, token);
    PasswordPolicy.problem(password)
        .ifPresent(
            p -> {
              throw AccountException.invalid("password " + p);
            });
    User user =
        new User(
            ports.ids().get(),
            inv.email(),
            Registration.displayName(displayName, inv.email()),
            null,
            ports.hasher().hash(password),
            true,
            ports.clock().now());
    try {
      ports.stores().users().create(user);
    } catch (ConflictException e) {
      throw AccountException.conflict(
          "An account with this address exists; sign in and accept the invitation");
    }
    Membership m = invitations.accept(user, inv, ip);
    return new Joined(signIn.open(user, ip, "invitation"), m);
  }
}
