package ai.agentlens.core.signin;

import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.account.Emails;
import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.OAuthIdentity;
import ai.agentlens.core.account.model.User;
import java.util.Optional;

/**
 * Sign-in with an OAuth provider (FR-01, FR-46): a known identity signs in; otherwise a verified
 * e-mail address links the identity to the existing verified account with that address, or creates
 * a new, verified, password-less account.
 */
public final class OAuthSignIn {

  /**
   * What the provider told us about the user.
   *
   * @param provider e.g. {@code google}, {@code github}
   * @param subject the provider's stable user id
   * @param email the address, or {@code null}
   * @param emailVerified whether the provider verified the address
   * @param name a display name, or {@code null}
   * @param avatarUrl an avatar, or {@code null}
   */
  public record Profile(
      String provider,
      String subject,
      String email,
      boolean emailVerified,
      String name,
      String avatarUrl) {}

  private final AccountPorts ports;
  private final SignIn signIn;

  /**
   * Creates the use case.
   *
   * @param ports the ports
   * @param signIn to open the session
   */
  public OAuthSignIn(AccountPorts ports, SignIn signIn) {
    this.ports = ports;
    this.signIn = signIn;
  }

  /**
   * Signs the provider's user in, linking or creating the account.
   *
   * @param p the provider's profile
   * @param ip the client's address
   * @return the started session
   * @throws AccountException INVALID when the provider gives no verified address for a new identity
   */
  public LoginSessions.Started signIn(Profile p, String ip) {
    Optional<User> known = ports.stores().users().findByIdentity(p.provider(), p.subject());
    if (known.isPresent()) {
      return signIn.open(known.get(), ip, p.provider());
    }
    if (p.email() == null || !p.emailVerified()) {
      throw AccountException.invalid(
          "Your " + p.provider() + " account has no verified e-mail address");
    }
    String address = Emails.normalize(p.email());
    User user =
        ports
            .stores()
            .users()
            .findByEmail(address)
            .orElseGet(
                () -> {
                  User created =
                      new User(
                          ports.ids().get(),
                          address,
                          Registration.displayName(p.name(), address),
                          p.avatarUrl(),
                          null,
                          true,
                          ports.clock().now());
                  ports.stores().users().create(created);
                  return created;
                });
    if (!user.verified()) {
      // why: linking would hand whoever registered the unverified account a verified one
      throw AccountException.conflict(
          "An unverified account uses this address; verify it by e-mail first, then sign in");
    }
    ports.stores().users().linkIdentity(new OAuthIdentity(p.provider(), p.subject(), user.id()));
    return signIn.open(user, ip, p.provider());
  }
}
