package ai.agentlens.core.signin;

import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.account.AuditTrail;
import ai.agentlens.core.account.Secrets;
import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.account.model.Caller;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.account.model.UserToken;
import ai.agentlens.core.account.policy.PasswordPolicy;
import ai.agentlens.core.port.Mailer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Password reset by a mailed token valid for one hour, usable once (FR-52). */
public final class PasswordReset {

  /** How long a reset token is valid (FR-52). */
  public static final Duration TTL = Duration.ofHours(1);

  private final AccountPorts ports;
  private final AuditTrail audit;

  /**
   * Creates the use case.
   *
   * @param ports the ports
   * @param audit the audit trail
   */
  public PasswordReset(AccountPorts ports, AuditTrail audit) {
    this.ports = ports;
    this.audit = audit;
  }

  /**
   * Mails a reset link when the address belongs to a user; says nothing either way, so the answer
   * does not reveal which addresses have accounts.
   *
   * @param email the address
   */
  public void request(String email) {
    Optional<User> user =
        ports.stores().users().findByEmail(email == null ? "" : email.trim().toLowerCase());
    if (user.isEmpty()) {
      return;
    }
    String token = Secrets.token();
    Instant now = ports.clock().now();
    ports
        .stores()
        .userTokens()
        .create(
            new UserToken(
                Secrets.sha256(token),
                UserToken.Purpose.RESET_PASSWORD,
                user.get().id(),
                now,
                now.plus(TTL)));
    ports
        .mailer()
        .send(
            new Mailer.Message(
                user.get().email(),
                "Reset your AgentLens password",
                "Someone asked to reset your AgentLens password. If it was you, use this link"
                    + " within one hour:\n"
                    + ports.settings().baseUrl()
                    + "/reset-password?token="
                    + token
                    + "\n\nReset token: "
                    + token
                    + "\n\nIf it was not you, ignore this mail.\n"));
  }

  /**
   * Sets a new password with a reset token; the token is used up and every session of the user
   * ends.
   *
   * @param token the mailed token
   * @param newPassword the new password (FR-53)
   * @param ip the client's address
   * @throws AccountException INVALID for a weak password or an unknown, expired or used token
   */
  public void confirm(String token, String newPassword, String ip) {
    PasswordPolicy.problem(newPassword)
        .ifPresent(
            p -> {
              throw AccountException.invalid("password " + p);
            });
    if (token == null || token.isBlank()) {
      throw AccountException.invalid("token: missing");
    }
    String userId =
        ports
            .stores()
            .userTokens()
            .consume(UserToken.Purpose.RESET_PASSWORD, Secrets.sha256(token), ports.clock().now())
            .orElseThrow(() -> AccountException.invalid("Invalid or expired reset token"));
    ports.stores().users().setPasswordHash(userId, ports.hasher().hash(newPassword));
    // why: the mail proved ownership of the address, so it counts as verified
    ports.stores().users().markVerified(userId);
    ports.stores().loginSessions().deleteForUser(userId);
    audit.inEveryOrgOf(
        new Caller(userId, ip), "auth.password_reset", AuditResult.SUCCESS, Map.of());
  }
}
