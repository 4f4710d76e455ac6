package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.account.model.UserToken;
import ai.agentlens.core.event.Fields;
import ai.agentlens.core.port.storage.UserTokenStore;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** {@link UserTokenStore} in portable SQL. Tokens are global: no tenant scope. */
public class JdbcUserTokenStore implements UserTokenStore {

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcUserTokenStore(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public void create(UserToken t) {
    JdbcLoginSessionStore.hash(t.tokenHash());
    Fields.required("userId", t.userId(), Fields.MAX_ID);
    tx.write(
        Scope.NONE,
        c ->
            sql.update(
                c,
                "insert into user_tokens (token_hash, purpose, user_id, created_at, expires_at)"
                    + " values (?,?,?,?,?)",
                t.tokenHash(),
                purpose(t.purpose()),
                t.userId(),
                t.createdAt(),
                t.expiresAt()));
  }

  @Override
  public Optional<String> consume(UserToken.Purpose purpose, String tokenHash, Instant now) {
    if (tokenHash == null) {
      return Optional.empty();
    }
    return tx.write(
        Scope.NONE,
        c -> {
          // why: the conditional UPDATE is the single point of truth; of two concurrent
          // consumers only one sees an update count of 1
          int n =
              sql.update(
                  c,
                  "update user_tokens set used_at = ? where token_hash = ? and purpose = ?"
                      + " and used_at is null and expires_at > ?",
                  now,
                  tokenHash,
                  purpose(purpose),
                  now);
          if (n == 0) {
            return Optional.<String>empty();
          }
          return sql.one(
              c,
              "select user_id from user_tokens where token_hash = ?",
              rs -> rs.getString(1),
              tokenHash);
        });
  }

  @Override
  public int deleteForUser(String userId) {
    return tx.write(
        Scope.NONE, c -> sql.update(c, "delete from user_tokens where user_id = ?", userId));
  }

  private static String purpose(UserToken.Purpose p) {
    return p.name().toLowerCase(Locale.ROOT);
  }
}
