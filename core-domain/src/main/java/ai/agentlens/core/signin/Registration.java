package ai.agentlens.core.signin;

import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.account.Emails;
import ai.agentlens.core.account.Secrets;
import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.account.model.UserToken;
import ai.agentlens.core.account.policy.PasswordPolicy;
import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.port.Mailer;
import java.time.Duration;
import java.time.Instant;

/** E-mail sign-up with verification before activation (FR-01, FR-02, FR-53). */
public final class Registration {

  /** How long a verification link is valid. */
  public static final Duration VERIFY_TTL = Duration.ofHours(24);

  private final AccountPorts ports;

  /**
   * Creates the use case.
   *
   * @param ports the ports
   */
  public Registration(AccountPorts ports) {
    this.ports = ports;
  }

  /**
   * Registers a user and mails the verification link. The account cannot sign in until verified.
   *
   * @param email the address
   * @param password the password (FR-53)
   * @param displayName shown name, or {@code null} for the part before {@code @}
   * @return the new, unverified user
   * @throws AccountException INVALID for a bad address or weak password, CONFLICT when taken
   */
  public User signUp(String email, String password, String displayName) {
    String address = Emails.normalize(email);
    PasswordPolicy.problem(password)
        .ifPresent(
            p -> {
              throw AccountException.invalid("password " + p);
            });
    String name = displayName(displayName, address);
    User user =
        new User(
            ports.ids().get(),
            address,
            name,
            null,
            ports.hasher().hash(password),
            false,
            ports.clock().now());
    try {
      ports.stores().users().create(user);
    } catch (ConflictException e) {
      throw AccountException.conflict("An account with this e-mail address exists already");
    }
    sendVerification(user);
    return user;
  }

  /**
   * Mails a fresh verification link to an unverified user.
   *
   * @param user the user
   */
  public void sendVerification(User user) {
    String token = Secrets.token();
    Instant now = ports.clock().now();
    ports
        .stores()
        .userTokens()
        .create(
            new UserToken(
                Secrets.sha256(token),
                UserToken.Purpose.VERIFY_EMAIL,
                user.id(),
                now,
                now.plus(VERIFY_TTL)));
    ports
        .mailer()
        .send(
            new Mailer.Message(
                user.email(),
                "Verify your AgentLens e-mail address",
                "Welcome to AgentLens.\n\nConfirm your address with this link (valid 24 hours):\n"
                    + ports.settings().baseUrl()
                    + "/verify-email?token="
                    + token
                    + "\n\nVerification token: "
                    + token
                    + "\n"));
  }

  /**
   * Verifies an address with a mailed token; single use.
   *
   * @param token the token from the mail
   * @return the verified user's id
   * @throws AccountException INVALID when the token is unknown, expired or used
   */
  public String verify(String token) {
    if (token == null || token.isBlank()) {
      throw AccountException.invalid("token: missing");
    }
    String userId =
        ports
            .stores()
            .userTokens()
            .consume(UserToken.Purpose.VERIFY_EMAIL, Secrets.sha256(token), ports.clock().now())
            .orElseThrow(() -> AccountException.invalid("Invalid or expired verification token"));
    ports.stores().users().markVerified(userId);
    return userId;
  }

  /**
   * Chooses the display name of a new user.
   *
   * @param requested the name asked for, or {@code null}
   * @param address the user's normalized e-mail address
   * @return the requested name, or the part of the address before {@code @}
   * @throws AccountException (invalid) when the requested name is too long
   */
  public static String displayName(String requested, String address) {
    String name =
        requested == null || requested.isBlank()
            ? address.substring(0, address.indexOf('@'))
            : requested.trim();
    if (name.length() > 200) {
      throw AccountException.invalid("displayName: longer than 200 characters");
    }
    return name;
  }
}
