package ai.agentlens.core.org;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.port.storage.UserStore;

/**
 * Self-hosted's first run: while no user exists, whoever opens the dashboard (the operator, who
 * just started the server) creates the owner account of the install's org directly, verified,
 * without the mail round trip. Once any user exists it is closed for good and sign-ups verify by
 * mail. Thread-safe; creation is serialized within the process (self-hosted is one process).
 */
public final class FirstOwner {

  private final UserStore users;
  private final Provisioning provisioning;
  private final String orgSlug;
  private volatile boolean closed;

  /**
   * Wires the use case.
   *
   * @param users the user store
   * @param provisioning creates the owner and the org
   * @param orgSlug the org the owner owns (self-hosted: {@code default})
   */
  public FirstOwner(UserStore users, Provisioning provisioning, String orgSlug) {
    this.users = users;
    this.provisioning = provisioning;
    this.orgSlug = orgSlug;
  }

  /**
   * Tells whether the owner account can still be created here.
   *
   * @return {@code true} while no user exists
   */
  public boolean open() {
    if (closed) {
      return false;
    }
    if (users.anyExists()) {
      closed = true;
    }
    return !closed;
  }

  /**
   * Creates the verified owner of the org.
   *
   * @param email the address
   * @param password the password, checked against the password policy
   * @param displayName the name, or {@code null} for the part of the address before {@code @}
   * @return the owner
   * @throws AccountException FORBIDDEN when a user exists already; INVALID for a bad address,
   *     password or name
   */
  public synchronized User create(String email, String password, String displayName) {
    if (!open()) {
      throw new AccountException(
          AccountException.Kind.FORBIDDEN, "The owner account exists already: sign in instead.");
    }
    User owner = provisioning.createOwner(email, password, displayName, orgSlug);
    closed = true;
    return owner;
  }
}
