package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.account.model.OAuthIdentity;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.error.NotFoundException;
import org.junit.jupiter.api.Test;

/**
 * The {@link ai.agentlens.core.port.storage.UserStore} contract: e-mail addresses are unique and
 * compared case-insensitively; profile, password, verification and OAuth identities are stored and
 * found; deleting a user removes the user and credentials, idempotently.
 */
public abstract class UserStoreContract extends StorageContract {

  /**
   * Once a user exists, {@code anyExists} says so. (An empty store answering {@code false} is what
   * self-hosted's first run relies on; {@code SelfhostedFirstRunTest} shows it on a fresh install,
   * since backends may share one database between suites.)
   */
  @Test
  void anyExistsIsTrueOnceAUserWasCreated() {
    newUser();
    assertThat(stores.users().anyExists()).isTrue();
  }

  @Test
  void emailsAreCaseInsensitiveAndUnique() {
    User u = newUser();
    User read = stores.users().findByEmail(u.email().toUpperCase()).orElseThrow();
    assertThat(read.id()).isEqualTo(u.id());
    assertThat(read.email()).isEqualTo(u.email().toLowerCase());
    User clash = new User(id("usr"), u.email(), "x", null, null, false, now.get());
    assertThatThrownBy(() -> stores.users().create(clash)).isInstanceOf(ConflictException.class);
    assertThatThrownBy(
            () ->
                stores
                    .users()
                    .create(new User(id("u"), "no-at-sign", "x", null, null, false, now.get())))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void profilePasswordVerificationAndIdentities() {
    User u = newUser();
    stores.users().updateProfile(u.id(), "New Name", "https://a/b.png");
    stores.users().setPasswordHash(u.id(), "$2a$new");
    stores.users().markVerified(u.id());
    stores.users().linkIdentity(new OAuthIdentity("github", "gh-" + u.id(), u.id()));
    User read = stores.users().findByIdentity("github", "gh-" + u.id()).orElseThrow();
    assertThat(read.displayName()).isEqualTo("New Name");
    assertThat(read.avatarUrl()).isEqualTo("https://a/b.png");
    assertThat(read.passwordHash()).isEqualTo("$2a$new");
    assertThat(read.verified()).isTrue();
    assertThatThrownBy(
            () -> stores.users().linkIdentity(new OAuthIdentity("github", "gh-" + u.id(), u.id())))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> stores.users().markVerified("nobody"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void deleteRemovesTheUserAndCredentialsIdempotently() {
    User u = newUser();
    stores.users().linkIdentity(new OAuthIdentity("google", "g-" + u.id(), u.id()));
    assertThat(stores.users().delete(u.id())).isTrue();
    assertThat(stores.users().find(u.id())).isEmpty();
    assertThat(stores.users().findByIdentity("google", "g-" + u.id())).isEmpty();
    assertThat(stores.users().delete(u.id())).isFalse();
  }
}
