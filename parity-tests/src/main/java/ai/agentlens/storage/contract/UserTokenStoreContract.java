package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.account.Secrets;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.account.model.UserToken;
import ai.agentlens.core.account.model.UserToken.Purpose;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The {@link ai.agentlens.core.port.storage.UserTokenStore} contract: a mailed token is consumed
 * once, for its purpose, before its expiry, even by concurrent consumers; deleting a user's tokens
 * leaves other users' alone.
 */
public abstract class UserTokenStoreContract extends StorageContract {

  private String token(User u, Purpose p, Duration ttl) {
    String hash = Secrets.sha256(Secrets.token());
    stores.userTokens().create(new UserToken(hash, p, u.id(), now.get(), now.get().plus(ttl)));
    return hash;
  }

  @Test
  void aTokenIsConsumedOnceForItsPurposeBeforeItsExpiry() {
    User u = newUser();
    String h = token(u, Purpose.RESET_PASSWORD, Duration.ofHours(1));
    assertThat(stores.userTokens().consume(Purpose.VERIFY_EMAIL, h, now.get())).isEmpty();
    assertThat(stores.userTokens().consume(Purpose.RESET_PASSWORD, h, now.get())).contains(u.id());
    assertThat(stores.userTokens().consume(Purpose.RESET_PASSWORD, h, now.get())).isEmpty();
    String late = token(u, Purpose.RESET_PASSWORD, Duration.ofHours(1));
    assertThat(
            stores
                .userTokens()
                .consume(Purpose.RESET_PASSWORD, late, now.get().plus(Duration.ofHours(1))))
        .as("expired at its expiry instant")
        .isEmpty();
    assertThat(stores.userTokens().consume(Purpose.RESET_PASSWORD, "0".repeat(64), now.get()))
        .isEmpty();
  }

  @Test
  void concurrentConsumersGetTheTokenOnlyOnce() throws Exception {
    User u = newUser();
    String h = token(u, Purpose.VERIFY_EMAIL, Duration.ofHours(1));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Optional<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(() -> stores.userTokens().consume(Purpose.VERIFY_EMAIL, h, now.get()));
      }
      int wins = 0;
      for (Future<Optional<String>> f : pool.invokeAll(calls)) {
        wins += f.get().isPresent() ? 1 : 0;
      }
      assertThat(wins).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void deleteForUserRemovesOnlyThatUsersTokens() {
    User u = newUser();
    User other = newUser();
    String mine = token(u, Purpose.VERIFY_EMAIL, Duration.ofHours(1));
    String theirs = token(other, Purpose.VERIFY_EMAIL, Duration.ofHours(1));
    assertThat(stores.userTokens().deleteForUser(u.id())).isEqualTo(1);
    assertThat(stores.userTokens().consume(Purpose.VERIFY_EMAIL, mine, now.get())).isEmpty();
    assertThat(stores.userTokens().consume(Purpose.VERIFY_EMAIL, theirs, now.get()))
        .contains(other.id());
  }
}
