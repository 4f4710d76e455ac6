package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.account.Secrets;
import ai.agentlens.core.account.model.LoginSession;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.error.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The {@link ai.agentlens.core.port.storage.LoginSessionStore} contract (FR-47): dashboard sessions
 * are created, found by id hash, touched, switched between orgs and deleted, one at a time, per
 * user or when idle; bad or taken hashes are refused.
 */
public abstract class LoginSessionStoreContract extends StorageContract {

  private LoginSession session(User u) {
    return new LoginSession(
        Secrets.sha256(Secrets.token()), u.id(), null, Secrets.token(), now.get(), now.get());
  }

  @Test
  void createFindTouchSwitchAndDelete() {
    User u = newUser();
    LoginSession s = session(u);
    stores.loginSessions().create(s);
    assertThat(stores.loginSessions().find(s.idHash())).contains(s);
    var later = now.get().plus(Duration.ofHours(1));
    stores.loginSessions().touch(s.idHash(), later);
    stores.loginSessions().touch(s.idHash(), now.get());
    assertThat(stores.loginSessions().find(s.idHash()).orElseThrow().lastSeenAt())
        .as("an older time never overwrites a newer one")
        .isEqualTo(later);
    var org = newOrg();
    stores.loginSessions().setCurrentOrg(s.idHash(), org.id());
    assertThat(stores.loginSessions().find(s.idHash()).orElseThrow().currentOrgId())
        .isEqualTo(org.id());
    assertThat(stores.loginSessions().delete(s.idHash())).isTrue();
    assertThat(stores.loginSessions().delete(s.idHash())).isFalse();
    assertThat(stores.loginSessions().find(s.idHash())).isEmpty();
  }

  @Test
  void deleteForUserAndIdleHousekeeping() {
    User u = newUser();
    User other = newUser();
    LoginSession a = session(u);
    LoginSession b = session(u);
    LoginSession c = session(other);
    stores.loginSessions().create(a);
    stores.loginSessions().create(b);
    stores.loginSessions().create(c);
    assertThat(stores.loginSessions().deleteForUser(u.id())).isEqualTo(2);
    assertThat(stores.loginSessions().find(c.idHash())).isPresent();
    assertThat(stores.loginSessions().deleteIdleSince(now.get().plusSeconds(1)))
        .isGreaterThanOrEqualTo(1);
    assertThat(stores.loginSessions().find(c.idHash())).isEmpty();
  }

  @Test
  void badOrTakenHashesAreRefused() {
    User u = newUser();
    LoginSession s = session(u);
    stores.loginSessions().create(s);
    assertThatThrownBy(() -> stores.loginSessions().create(s))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(
            () ->
                stores
                    .loginSessions()
                    .create(new LoginSession("short", u.id(), null, "t", now.get(), now.get())))
        .isInstanceOf(InvalidInputException.class);
  }
}
